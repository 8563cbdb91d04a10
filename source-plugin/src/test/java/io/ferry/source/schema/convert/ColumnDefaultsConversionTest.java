package io.ferry.source.schema.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.source.schema.ColumnDef;
import io.ferry.source.schema.ColumnDefault;
import io.ferry.source.schema.ColumnDefault.Kind;
import io.ferry.source.schema.ColumnType;
import io.ferry.source.schema.MySqlDateTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;

/**
 * Column defaults become field schema defaults of the field's own Connect type; the expected values are those
 * Debezium MariaDB 3.5.0 put in its field schemas for the same DEFAULT clauses (seen by DebeziumOracleIT).
 */
class ColumnDefaultsConversionTest {

    private static final ColumnDefault NOW = new ColumnDefault(Kind.CURRENT_TIMESTAMP, "current_timestamp(6)");

    private static Schema schema(ColumnType type, boolean optional, ColumnDefault columnDefault) {
        return converter(type, optional, columnDefault).schema();
    }

    private static ColumnConverter converter(ColumnType type, boolean optional, ColumnDefault columnDefault) {
        return ColumnConverters.forColumn(new ColumnDef("c", type, optional, columnDefault));
    }

    private static ColumnType temporal(String dataType, int fsp) {
        return new ColumnType(dataType, false, 0, 0, 0, fsp, null, List.of());
    }

    private static Object defaultOf(String dataType, boolean unsigned, String literal) {
        return schema(ColumnType.of(dataType, unsigned), true, ColumnDefault.literal(literal)).defaultValue();
    }

    @Test
    void numbersTakeTheFieldsType() {
        assertThat(defaultOf("tinyint", false, "-5")).isEqualTo((short) -5);
        assertThat(defaultOf("tinyint", true, "255")).isEqualTo((short) 255);
        assertThat(defaultOf("mediumint", true, "16777215")).isEqualTo(16777215);
        assertThat(defaultOf("int", true, "4294967295")).isEqualTo(4294967295L);
        assertThat(defaultOf("bigint", false, "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(defaultOf("bigint", true, "18446744073709551615"))
                .isEqualTo(new BigDecimal("18446744073709551615"));
        assertThat(defaultOf("float", false, "1.1")).isEqualTo(1.1f);
        assertThat(defaultOf("double", false, "-25000000000")).isEqualTo(-2.5e10);
        assertThat(schema(new ColumnType("decimal", false, 0, 10, 3, 0, null, List.of()), true,
                ColumnDefault.literal("1.5")).defaultValue()).isEqualTo(new BigDecimal("1.500"));
    }

    @Test
    void bitsAreLittleEndianBytesOrABoolean() {
        ColumnType bit10 = new ColumnType("bit", false, 10, 0, 0, 0, null, List.of());
        ColumnType bit1 = new ColumnType("bit", false, 1, 0, 0, 0, null, List.of());
        ColumnType bit8 = new ColumnType("bit", false, 8, 0, 0, 0, null, List.of());
        assertThat((byte[]) schema(bit10, true, new ColumnDefault(Kind.BITS, "1000000001")).defaultValue())
                .containsExactly(0x01, 0x02);
        assertThat((byte[]) schema(bit8, true, new ColumnDefault(Kind.BITS, "11111111")).defaultValue())
                .containsExactly(0xFF);
        assertThat(schema(bit1, true, new ColumnDefault(Kind.BITS, "1")).defaultValue()).isEqualTo(true);
        assertThat(schema(bit1, true, new ColumnDefault(Kind.BITS, "0")).defaultValue()).isEqualTo(false);
    }

    @Test
    void stringsAndBinaryStrings() {
        ColumnType text = new ColumnType("varchar", false, 20, 0, 0, 0, "utf8mb4", List.of());
        ColumnType binary4 = new ColumnType("binary", false, 4, 0, 0, 0, "binary", List.of());
        ColumnType set = new ColumnType("set", false, 0, 0, 0, 0, "utf8mb4", List.of("x", "y", "z"));
        assertThat(schema(text, false, ColumnDefault.literal("it's \\ ok")).defaultValue()).isEqualTo("it's \\ ok");
        assertThat(schema(text, true, ColumnDefault.literal("")).defaultValue()).isEqualTo("");
        assertThat((byte[]) schema(binary4, true, ColumnDefault.literal("ab")).defaultValue())
                .containsExactly('a', 'b', 0, 0);
        assertThat(schema(set, false, ColumnDefault.literal("x,z")).defaultValue()).isEqualTo("x,z");
    }

    @Test
    void temporalLiterals() {
        assertThat(schema(temporal("date", 0), true, ColumnDefault.literal("2020-02-29")).defaultValue())
                .isEqualTo(18321);
        assertThat(schema(temporal("datetime", 3), true, ColumnDefault.literal("2018-06-20 06:37:03.123"))
                .defaultValue()).isEqualTo(1529476623123L);
        assertThat(schema(temporal("timestamp", 6), true, ColumnDefault.literal("2018-06-20 13:37:03.123456"))
                .defaultValue()).isEqualTo("2018-06-20T13:37:03.123456Z");
        assertThat(schema(temporal("time", 2), true, ColumnDefault.literal("-01:02:03.45")).defaultValue())
                .isEqualTo(-3723450000L);
        assertThat(schema(temporal("year", 0), true, ColumnDefault.literal("2024")).defaultValue()).isEqualTo(2024);
    }

    @Test
    void zeroDateDefaultsAreTheEpochWhenNotNullElseNone() {
        ColumnDefault zero = ColumnDefault.literal("0000-00-00 00:00:00");
        assertThat(schema(temporal("date", 0), true, ColumnDefault.literal("0000-00-00")).defaultValue()).isNull();
        assertThat(schema(temporal("date", 0), false, ColumnDefault.literal("0000-00-00")).defaultValue())
                .isEqualTo(0);
        assertThat(schema(temporal("datetime", 0), false, zero).defaultValue()).isEqualTo(0L);
        assertThat(schema(temporal("timestamp", 0), false, zero).defaultValue()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(schema(temporal("timestamp", 0), true, zero).defaultValue()).isNull();
    }

    @Test
    void currentTimestampStandsAsTheEpochExceptInANullableTimestamp() {
        assertThat(schema(temporal("datetime", 0), true, NOW).defaultValue()).isEqualTo(0L);
        assertThat(schema(temporal("datetime", 6), false, NOW).defaultValue()).isEqualTo(0L);
        assertThat(schema(temporal("timestamp", 6), false, NOW).defaultValue())
                .isEqualTo("1970-01-01T00:00:00.000000Z");
        assertThat(schema(temporal("timestamp", 0), true, NOW).defaultValue()).isNull();
        assertThat(schema(ColumnType.of("int", false), true, NOW).defaultValue()).isNull();
    }

    @Test
    void expressionsAndUnconvertibleLiteralsGiveNoDefault() {
        ColumnDefault expression = new ColumnDefault(Kind.EXPRESSION, "(1 + 1)");
        assertThat(schema(ColumnType.of("int", false), true, expression).defaultValue()).isNull();
        assertThat(schema(ColumnType.of("int", false), true, ColumnDefault.literal("abc")).defaultValue()).isNull();
        assertThat(schema(ColumnType.of("int", false), true, ColumnDefault.NONE))
                .isEqualTo(schema(ColumnType.of("int", false), true, new ColumnDefault(Kind.NONE, null)));
    }

    @Test
    void aZeroDateInANotNullColumnIsTheColumnsDefault() {
        MySqlDateTime zero = new MySqlDateTime(0, 0, 0, 0, 0, 0, 0);
        assertThat(converter(temporal("date", 0), false, ColumnDefault.literal("2000-01-01")).fromBinlog(zero))
                .isEqualTo(10957);
        assertThat(converter(temporal("datetime", 0), false, ColumnDefault.literal("2000-01-01 00:00:00"))
                .fromBinlog(new MySqlDateTime(2020, 0, 15, 0, 0, 0, 0))).isEqualTo(946684800000L);
        assertThat(converter(temporal("timestamp", 0), false, ColumnDefault.literal("2000-01-01 00:00:00"))
                .fromBinlog(Instant.EPOCH)).isEqualTo("2000-01-01T00:00:00Z");
        assertThat(converter(temporal("date", 0), false, ColumnDefault.NONE).fromBinlog(zero)).isEqualTo(0);
        assertThat(converter(temporal("date", 0), true, ColumnDefault.literal("2000-01-01")).fromBinlog(zero))
                .isNull();
    }

    @Test
    void theSameDefaultGivesEqualSchemas() {
        ColumnType type = temporal("timestamp", 6);
        assertThat(schema(type, false, NOW)).isEqualTo(schema(type, false, NOW));
        ColumnType binary = new ColumnType("varbinary", false, 4, 0, 0, 0, "binary", List.of());
        assertThat(schema(binary, true, ColumnDefault.literal("xy")))
                .isEqualTo(schema(binary, true, ColumnDefault.literal("xy")));
    }
}
