package io.ferry.source.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.common.TableId;
import io.ferry.source.event.OperationFilter.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationFilterTest {

    @Test
    void theFirstMatchingEntryDecidesAndUnmatchedTablesEmitEverything() {
        OperationFilter filter = OperationFilter.parse(List.of("shop\\.audit:insert", "shop\\..*:insert+update+ddl"));
        TableId audit = TableId.parse("shop.audit");
        TableId orders = TableId.parse("shop.orders");
        assertThat(filter.emits(audit, Operation.INSERT)).isTrue();
        assertThat(filter.emits(audit, Operation.UPDATE)).isFalse();
        assertThat(filter.emits(orders, Operation.UPDATE)).isTrue();
        assertThat(filter.emits(orders, Operation.DELETE)).isFalse();
        assertThat(filter.emits(TableId.parse("crm.people"), Operation.DELETE)).isTrue();
    }

    @Test
    void namesWhatIsWrongWithAnEntry() {
        assertThatThrownBy(() -> OperationFilter.parse(List.of("shop\\.t:insert+upsert")))
                .hasMessageContaining("'upsert'").hasMessageContaining("insert, update, delete, ddl");
        assertThatThrownBy(() -> OperationFilter.parse(List.of("shop.t"))).hasMessageContaining("<op>");
        assertThatThrownBy(() -> OperationFilter.parse(List.of("shop[:insert"))).hasMessageContaining("regular");
    }
}
