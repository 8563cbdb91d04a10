package io.ferry.source.schema.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.source.schema.ColumnDef;
import io.ferry.source.schema.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class TextAndStructuredConvertersTest {

    private static ColumnConverter converter(String dataType, long length, String charset, List<String> values) {
        return ColumnConverters.forColumn(new ColumnDef("c",
                new ColumnType(dataType, false, length, 0, 0, 0, charset, values), true));
    }

    @Test
    void textIsDecodedWithTheColumnsCharset() {
        // MySQL's latin1 is Windows-1252: 0x80 is the euro sign.
        assertThat(converter("varchar", 10, "latin1", List.of()).fromBinlog(new byte[] {(byte) 0x80, 0x41}))
                .isEqualTo("\u20ACA");
        assertThat(converter("text", 0, "utf8mb4", List.of())
                .fromBinlog("\uD83D\uDE00".getBytes(StandardCharsets.UTF_8))).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void fixedLengthBinaryIsPaddedBackToItsLength() {
        assertThat((byte[]) converter("binary", 4, null, List.of()).fromBinlog(new byte[] {1, 2}))
                .containsExactly(1, 2, 0, 0);
        assertThat((byte[]) converter("varbinary", 4, null, List.of()).fromBinlog(new byte[] {1, 2}))
                .containsExactly(1, 2);
    }

    @Test
    void enumIndexZeroIsTheEmptyString() {
        ColumnConverter enumeration = converter("enum", 0, "utf8mb4", List.of("a", "b"));
        assertThat(enumeration.fromBinlog(2)).isEqualTo("b");
        assertThat(enumeration.fromBinlog(0)).isEqualTo("");
        assertThat(enumeration.schema().parameters()).containsEntry("allowed", "a,b");
    }

    @Test
    void setMaskListsMembersInDefinitionOrder() {
        ColumnConverter set = converter("set", 0, "utf8mb4", List.of("x", "y", "z"));
        assertThat(set.fromBinlog(5L)).isEqualTo("x,z");
        assertThat(set.fromBinlog(0L)).isEqualTo("");
        assertThat(set.schema().name()).isEqualTo("io.debezium.data.EnumSet");
    }

    @Test
    void mysqlBinaryJsonIsPrintedCompactlyLikeItsJdbcTextAfterCompaction() {
        // MySQL binary JSON of {"a": 1}: small object, 1 member, 12 bytes; key at 11 (length 1); int16 value 1.
        byte[] binary = HexFormat.of().parseHex("00" + "0100" + "0c00" + "0b00" + "0100" + "05" + "0100" + "61");
        ColumnConverter json = converter("json", 0, null, List.of());
        assertThat(json.fromBinlog(binary)).isEqualTo("{\"a\":1}");
        assertThat(JsonConverter.compact("{\"a\": 1, \"b c\": [\"x, y\", \"q\\\" \"]}"))
                .isEqualTo("{\"a\":1,\"b c\":[\"x, y\",\"q\\\" \"]}");
    }

    @Test
    void mariaDbJsonTextIsKeptVerbatim() {
        ColumnConverter json = converter("json", 0, "utf8mb4", List.of());
        assertThat(json.fromBinlog("{\"a\": 1}".getBytes(StandardCharsets.UTF_8))).isEqualTo("{\"a\": 1}");
        assertThat(json.schema().name()).isEqualTo("io.debezium.data.Json");
    }

    @Test
    void geometrySplitsTheSridFromTheWkb() {
        byte[] stored = HexFormat.of().parseHex("e6100000" + "0101000000" + "000000000000f03f" + "0000000000000040");
        Struct geometry = (Struct) converter("geometry", 0, null, List.of()).fromBinlog(stored);
        assertThat(geometry.getInt32("srid")).isEqualTo(4326);
        assertThat(geometry.getBytes("wkb")).hasSize(21).startsWith(1, 1, 0, 0, 0);
        assertThat(geometry.schema().name()).isEqualTo("io.debezium.data.geometry.Geometry");
    }

    /** Debezium's events carry no SRID for SRID 0, the default (seen with the real connector, DebeziumOracleIT). */
    @Test
    void sridZeroIsNull() {
        byte[] stored = HexFormat.of().parseHex("00000000" + "0101000000" + "000000000000f03f" + "0000000000000040");
        Struct geometry = (Struct) converter("geometry", 0, null, List.of()).fromBinlog(stored);
        assertThat(geometry.getInt32("srid")).isNull();
        assertThat(geometry.getBytes("wkb")).hasSize(21);
    }
}
