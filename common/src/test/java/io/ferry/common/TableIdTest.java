package io.ferry.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableIdTest {

    @Test
    void parsesAndPrintsDbDotTable() {
        TableId id = TableId.parse("shop.orders.2024");
        assertThat(id).isEqualTo(new TableId("shop", "orders.2024"));
        assertThat(id).hasToString("shop.orders.2024");
    }

    @Test
    void rejectsNamesWithoutBothParts() {
        assertThatThrownBy(() -> TableId.parse("orders")).hasMessageContaining("db.table");
        assertThatThrownBy(() -> TableId.parse(".orders")).hasMessageContaining("db.table");
        assertThatThrownBy(() -> TableId.parse("shop.")).hasMessageContaining("db.table");
    }

    @Test
    void quotesEachPartAndEscapesBackticks() {
        assertThat(new TableId("my`db", "t").quoted()).isEqualTo("`my``db`.`t`");
        assertThat(Identifiers.literal("it's \\ here")).isEqualTo("'it''s \\\\ here'");
    }

    @Test
    void ordersByDatabaseThenTable() {
        assertThat(new TableId("a", "z")).isLessThan(new TableId("b", "a"));
        assertThat(new TableId("a", "a")).isLessThan(new TableId("a", "b"));
    }
}
