package io.ferry.sink.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.TableId;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DuplicateKeyTest {

    @Test
    void readsTheIndexNameFromMariaDbAndMySqlMessages() {
        assertThat(DuplicateKey.indexName(new SQLException("Duplicate entry 'a@x' for key 'uk_email'", "23000", 1062)))
                .isEqualTo("uk_email");
        assertThat(DuplicateKey.indexName(new SQLException("Duplicate entry '1' for key 'items.PRIMARY'", "23000",
                1062))).isEqualTo("PRIMARY");
        assertThat(DuplicateKey.indexName(new SQLException("Deadlock found", "40001", 1213))).isNull();
    }

    @Test
    void sideTableNamesAreValidAndDistinctForLongOrOddNames() {
        String a = DisplacedRows.sideName(new TableId("shop", "x".repeat(64)));
        String b = DisplacedRows.sideName(new TableId("shop", "x".repeat(63) + "y"));
        assertThat(a).hasSizeLessThanOrEqualTo(64).matches("[A-Za-z0-9_]+").isNotEqualTo(b);
        assertThat(DisplacedRows.sideName(new TableId("my db", "order-items")))
                .startsWith("displaced_my_db_order_items_");
    }
}
