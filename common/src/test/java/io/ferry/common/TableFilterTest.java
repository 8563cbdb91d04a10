package io.ferry.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableFilterTest {

    @Test
    void selectsEveryUserTableByDefaultButNeverSystemSchemas() {
        TableFilter filter = TableFilter.all();
        assertThat(filter.includes(TableId.parse("shop.orders"))).isTrue();
        assertThat(filter.includes(TableId.parse("mysql.user"))).isFalse();
        assertThat(filter.includes(TableId.parse("Performance_Schema.threads"))).isFalse();
    }

    @Test
    void appliesDatabaseThenTableListsMatchingWholeNames() {
        TableFilter filter = new TableFilter(List.of("shop.*"), List.of("shop_archive"), List.of(),
                List.of("shop\\.tmp_.*"));
        assertThat(filter.includes(TableId.parse("shop.orders"))).isTrue();
        assertThat(filter.includes(TableId.parse("shop2.orders"))).isTrue();
        assertThat(filter.includes(TableId.parse("shop_archive.orders"))).isFalse();
        assertThat(filter.includes(TableId.parse("shop.tmp_x"))).isFalse();
        assertThat(filter.includes(TableId.parse("crm.people"))).isFalse();
        assertThat(new TableFilter(List.of(), List.of(), List.of("shop\\.orders"), List.of())
                .includes(TableId.parse("shop.orders_old"))).isFalse();
    }

    @Test
    void namesTheInvalidPattern() {
        assertThatThrownBy(() -> TableFilter.validatePatterns(List.of("ok", "bad[")))
                .hasMessageContaining("'bad['");
    }
}
