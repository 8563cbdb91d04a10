package io.ferry.source.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.source.schema.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The comparison logic; agreement with a real server's collations is checked in {@link KeyOrderIT}. */
class KeyOrderTest {

    private static final StringCollation GENERAL_CI = new StringCollation("utf8mb4", "utf8mb4_general_ci", 10, true);

    /** Upper-cased UTF-8 as a stand-in weight: enough to test how tuples use weights, not what they are. */
    private static final CollationWeigher UPPER = (collation, value) ->
            value.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);

    @Test
    void numbersCompareByValueAcrossClasses() {
        Comparator<Object> order = ColumnOrders.natural();
        assertThat(order.compare(5, 5L)).isZero();
        assertThat(order.compare(new BigDecimal("1.50"), new BigDecimal("1.5"))).isZero();
        assertThat(order.compare(-0.0d, 0.0d)).isZero();
        assertThat(order.compare(Long.MAX_VALUE, new BigInteger("18446744073709551615"))).isNegative();
        assertThat(order.compare((byte) -1, (short) 0)).isNegative();
        assertThat(order.compare(0.1f, 0.1d)).isNotZero(); // float 0.1 is not double 0.1, as on the server
    }

    @Test
    void temporalValuesCompareNaturally() {
        Comparator<Object> order = ColumnOrders.natural();
        assertThat(order.compare(LocalDateTime.parse("2024-01-01T00:00:00.000001"),
                LocalDateTime.parse("2024-01-01T00:00"))).isPositive();
        assertThatThrownBy(() -> order.compare(LocalDateTime.parse("2024-01-01T00:00"), "2024"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cannot compare");
    }

    @Test
    void bytesCompareUnsignedAndBinaryIgnoresTrailingZeros() {
        Comparator<Object> varbinary = ColumnOrders.forColumn(ColumnType.of("varbinary", false), null, null);
        assertThat(varbinary.compare(new byte[] {(byte) 0x80}, new byte[] {0x7f})).isPositive();
        assertThat(varbinary.compare(new byte[] {1}, new byte[] {1, 0})).isNegative();
        Comparator<Object> binary = ColumnOrders.forColumn(ColumnType.of("binary", false), null, null);
        assertThat(binary.compare(new byte[] {1}, new byte[] {1, 0, 0})).isZero();
        assertThat(binary.compare(new byte[] {1, 0, 1}, new byte[] {1})).isPositive();
    }

    @Test
    void enumsCompareByIndexAndSetsByBitmask() {
        ColumnType enumType = new ColumnType("enum", false, 0, 0, 0, 0, "utf8mb4", List.of("z", "a", "m"));
        Comparator<Object> enums = ColumnOrders.forColumn(enumType, null, null);
        assertThat(enums.compare("z", "a")).isNegative();
        assertThat(enums.compare("", "z")).isNegative();
        ColumnType setType = new ColumnType("set", false, 0, 0, 0, 0, "utf8mb4", List.of("x", "y"));
        Comparator<Object> sets = ColumnOrders.forColumn(setType, null, null);
        assertThat(sets.compare("y", "x,y")).isNegative();
        assertThat(sets.compare("y", "x")).isPositive();
    }

    @Test
    void stringsFollowTheWeigherNotJava() {
        Comparator<Object> strings = ColumnOrders.collated(GENERAL_CI, UPPER);
        assertThat("B".compareTo("a")).isNegative();
        assertThat(strings.compare("B", "a")).isPositive();
        assertThat(strings.compare("b", "B")).isZero();
    }

    @Test
    void characterKeysWithoutACollationFailLoudly() {
        ColumnType varchar = new ColumnType("varchar", false, 10, 0, 0, 0, "utf8mb4", List.of());
        assertThatThrownBy(() -> ColumnOrders.forColumn(varchar, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collation");
        ColumnType binaryCharset = new ColumnType("varchar", false, 10, 0, 0, 0, "binary", List.of());
        assertThat(ColumnOrders.forColumn(binaryCharset, null, null)
                .compare(new byte[] {2}, new byte[] {1})).isPositive();
    }

    @Test
    void tuplesCompareColumnByColumn() {
        KeyOrder order = KeyOrder.of(List.of(ColumnOrders.natural(), ColumnOrders.collated(GENERAL_CI, UPPER)));
        assertThat(order.compare(List.of(1, "z"), List.of(2, "a"))).isNegative();
        assertThat(order.compare(List.of(2, "B"), List.of(2, "a"))).isPositive();
        assertThat(order.compare(List.of(2L, "A"), List.of(2, "a"))).isZero();
        assertThatThrownBy(() -> order.compare(List.of(1), List.of(1, "a")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void collationNamesAreCheckedBeforeGoingIntoSql() {
        assertThatThrownBy(() -> new StringCollation("utf8mb4", "x; DROP TABLE t", 10, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StringCollation("utf8mb4", "utf8mb4_bin", 4_294_967_295L, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
        assertThat(GENERAL_CI.weightSql())
                .isEqualTo("SELECT WEIGHT_STRING(CONVERT(? USING utf8mb4) COLLATE utf8mb4_general_ci AS CHAR(10))");
        assertThat(new StringCollation("utf8mb4", "utf8mb4_0900_ai_ci", 10, false).weightSql())
                .isEqualTo("SELECT WEIGHT_STRING(CONVERT(? USING utf8mb4) COLLATE utf8mb4_0900_ai_ci)");
    }
}
