package io.ferry.migrator.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.common.TableId;
import io.ferry.common.server.ServerFlavor;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableQueriesTest {

    private static final ComparedColumn REGION = ComparedColumn.of("region", "Region", ColumnKind.TEXT, false);
    private static final ComparedColumn ID = ComparedColumn.of("id", "order_id", ColumnKind.INTEGER, true);
    private static final ComparedColumn AMOUNT = new ComparedColumn("amount", "total", ColumnKind.DECIMAL, false, 65,
            30);
    private static final ComparedTable ORDERS = new ComparedTable(new TableId("shop", "orders"),
            new TableId("shop_v2", "orders"), List.of(REGION, ID, AMOUNT), List.of(REGION, ID), "amount > 0");

    private static TableQueries on(Side side) {
        return new TableQueries(ORDERS, side, ServerFlavor.MARIADB);
    }

    @Test
    void theFirstChunkBoundIsTheNthKeyOfTheFilteredSource() {
        BoundSql sql = on(Side.SOURCE).nextUpperBound(null, 1000);

        assertThat(sql.sql()).isEqualTo("SELECT `region`, CAST(`id` AS CHAR) FROM `shop`.`orders`"
                + " WHERE (amount > 0) ORDER BY `region`, `id` LIMIT 1 OFFSET 999");
        assertThat(sql.parameters()).isEmpty();
    }

    @Test
    void compositeBoundsExpandSoTheIndexRangeScans() {
        BoundSql sql = on(Side.SOURCE).nextUpperBound(List.of("eu", "42"), 10);

        assertThat(sql.sql()).contains(" WHERE (amount > 0) AND `region` >= ? AND (`region` > ? OR `region` = ?"
                + " AND `id` > CAST(? AS UNSIGNED)) ORDER BY");
        assertThat(sql.parameters()).containsExactly("eu", "eu", "eu", "42");
    }

    @Test
    void theDestinationChecksumUsesTheSameRangeWithDestinationNamesAndNoRowFilter() {
        BoundSql sql = on(Side.DESTINATION).checksum(new ChunkRange(List.of("eu", "1"), List.of("us", "9")));

        assertThat(sql.sql()).startsWith("SELECT COUNT(*), BIT_XOR(").contains("FROM `shop_v2`.`orders` WHERE"
                + " `Region` >= ? AND (`Region` > ? OR `Region` = ? AND `order_id` > CAST(? AS UNSIGNED)) AND"
                + " `Region` <= ? AND (`Region` < ? OR `Region` = ? AND `order_id` <= CAST(? AS UNSIGNED))")
                .doesNotContain("amount > 0").contains("`total`").doesNotContain("`amount`");
        assertThat(sql.parameters()).containsExactly("eu", "eu", "eu", "1", "us", "us", "us", "9");
    }

    @Test
    void aSingleColumnKeyHasOneConditionPerBoundAndTheLastChunkIsOpen() {
        ComparedTable byId = new ComparedTable(new TableId("a", "t"), new TableId("a", "t"), List.of(ID, AMOUNT),
                List.of(ID), null);
        TableQueries source = new TableQueries(byId, Side.SOURCE, ServerFlavor.MYSQL);

        assertThat(source.rowHashes(new ChunkRange(List.of("5"), null)).sql()).endsWith(
                "FROM `a`.`t` WHERE `id` > CAST(? AS UNSIGNED) ORDER BY `id`");
        assertThat(source.checksum(ChunkRange.all()).sql()).doesNotContain("WHERE");
    }

    @Test
    void theRowHashMarksNullAndPrefixesEachValueWithItsLength() {
        String hash = on(Side.SOURCE).rowHash();

        assertThat(hash).startsWith("MD5(CONCAT(IF(`region` IS NULL, 'N', IFNULL(CONCAT(LENGTH(CAST(CONVERT(`region`"
                + " USING utf8mb4) AS BINARY)), ':', CAST(CONVERT(`region` USING utf8mb4) AS BINARY)), 'U')), ");
        assertThat(hash).contains("CAST(`amount` AS CHAR)");
    }

    @Test
    void keylessTablesCountRowsPerHash() {
        ComparedTable keyless = new ComparedTable(new TableId("a", "t"), new TableId("a", "t"), List.of(AMOUNT),
                List.of(), "amount > 0");

        assertThat(new TableQueries(keyless, Side.SOURCE, ServerFlavor.MARIADB).hashCounts()).endsWith(
                " AS h FROM `a`.`t` WHERE (amount > 0)) AS t GROUP BY h ORDER BY h");
        assertThat(new TableQueries(keyless, Side.DESTINATION, ServerFlavor.MARIADB).hashCounts())
                .doesNotContain("WHERE");
    }

    @Test
    void boundsMustHaveOneValuePerKeyColumn() {
        assertThatThrownBy(() -> on(Side.SOURCE).nextUpperBound(List.of("eu"), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 key value(s) expected");
        assertThatThrownBy(() -> on(Side.DESTINATION).nextUpperBound(null, 10))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void chunkRangesFollowEachOther() {
        ChunkRange first = new ChunkRange(null, List.of("a"));
        ChunkRange last = first.next(null);

        assertThat(last.lower()).containsExactly("a");
        assertThat(last.last()).isTrue();
        assertThat(last).hasToString("([a], +inf]");
        assertThatThrownBy(() -> last.next(List.of("b"))).isInstanceOf(IllegalStateException.class);
    }
}
