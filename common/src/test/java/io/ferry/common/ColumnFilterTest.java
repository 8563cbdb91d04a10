package io.ferry.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnFilterTest {

    @Test
    void matchesWholeQualifiedColumnNames() {
        ColumnFilter filter = new ColumnFilter(List.of("shop\\.customers\\.(ssn|card_.*)", ".*\\.secret"));
        TableId customers = TableId.parse("shop.customers");
        assertThat(filter.excludes(customers, "ssn")).isTrue();
        assertThat(filter.excludes(customers, "card_number")).isTrue();
        assertThat(filter.excludes(customers, "ssn_hint")).isFalse();
        assertThat(filter.excludes(TableId.parse("crm.notes"), "secret")).isTrue();
        assertThat(ColumnFilter.none().excludes(customers, "ssn")).isFalse();
    }
}
