package io.ferry.sink.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * Every column type of docs/type-mapping.md with edge values, each as a SQL literal and as the Connect value the
 * source emits for it (written by hand from the doc's table: they are the contract), plus Debezium's other
 * encodings of the same columns. Row {@code i} holds each column's {@code i}-th value, or the column's filler
 * (NULL unless the column is NOT NULL) when it has fewer; the last row is all fillers.
 */
final class EdgeValueTable {

    /** One value of a column: how a SQL literal writes it, and the Connect value for the binding. */
    record Cell(String literal, Object connect) {
    }

    /** A column: its definition, its field schema, and its values. */
    record Column(String name, String definition, Schema schema, Cell filler, List<Cell> cells) {

        Column value(String literal, Object connect) {
            cells.add(new Cell(literal, connect));
            return this;
        }

        Cell cell(int row) {
            return row < cells.size() ? cells.get(row) : filler;
        }

        boolean isGeometry() {
            return schema.type() == Schema.Type.STRUCT && !schema.name().endsWith("VariableScaleDecimal");
        }
    }

    static final Cell NULL = new Cell("NULL", null);
    static final byte[] POINT_1_2 = hex("0101000000000000000000F03F0000000000000040");
    static final byte[] LINE_0_0_1_1 = hex("010200000002000000" + "0000000000000000" + "0000000000000000"
            + "000000000000F03F" + "000000000000F03F");
    static final byte[] POLYGON = hex("01030000000100000004000000" + "0000000000000000" + "0000000000000000"
            + "000000000000F03F" + "0000000000000000" + "000000000000F03F" + "000000000000F03F"
            + "0000000000000000" + "0000000000000000");

    private static final String NINES = "9".repeat(35) + "." + "9".repeat(30);

    final List<Column> columns = new ArrayList<>();

    EdgeValueTable() {
        ferryColumns();
        debeziumColumns();
    }

    int rows() {
        return columns.stream().mapToInt(c -> c.cells().size()).max().orElse(0) + 1;
    }

    private void ferryColumns() {
        col("c_tinyint", "TINYINT", Schema.OPTIONAL_INT16_SCHEMA).value("127", (short) 127).value("-128", (short) -128);
        col("c_tinyint_u", "TINYINT UNSIGNED", Schema.OPTIONAL_INT16_SCHEMA).value("255", (short) 255)
                .value("0", (short) 0);
        col("c_boolean", "BOOLEAN", Schema.OPTIONAL_INT16_SCHEMA).value("TRUE", (short) 1);
        col("c_smallint", "SMALLINT", Schema.OPTIONAL_INT16_SCHEMA).value("-32768", (short) -32768)
                .value("32767", (short) 32767);
        col("c_smallint_u", "SMALLINT UNSIGNED", Schema.OPTIONAL_INT32_SCHEMA).value("65535", 65535);
        col("c_mediumint", "MEDIUMINT", Schema.OPTIONAL_INT32_SCHEMA).value("-8388608", -8388608)
                .value("8388607", 8388607);
        col("c_mediumint_u", "MEDIUMINT UNSIGNED", Schema.OPTIONAL_INT32_SCHEMA).value("16777215", 16777215);
        col("c_int", "INT", Schema.OPTIONAL_INT32_SCHEMA).value("-2147483648", Integer.MIN_VALUE)
                .value("2147483647", Integer.MAX_VALUE);
        col("c_int_u", "INT UNSIGNED", Schema.OPTIONAL_INT64_SCHEMA).value("4294967295", 4294967295L);
        col("c_bigint", "BIGINT", Schema.OPTIONAL_INT64_SCHEMA).value("9223372036854775807", Long.MAX_VALUE)
                .value("-9223372036854775808", Long.MIN_VALUE);
        col("c_bigint_u", "BIGINT UNSIGNED", decimal(20, 0))
                .value("18446744073709551615", new BigDecimal("18446744073709551615"))
                .value("0", BigDecimal.ZERO);
        col("c_decimal", "DECIMAL(65,30)", decimal(65, 30)).value(NINES, new BigDecimal(NINES))
                .value("-" + NINES, new BigDecimal("-" + NINES))
                .value("0.000000000000000000000000000001", new BigDecimal("0.000000000000000000000000000001"))
                .value("0", new BigDecimal("0.000000000000000000000000000000"));
        col("c_numeric", "NUMERIC(10,2)", decimal(10, 2)).value("-12345678.90", new BigDecimal("-12345678.90"));
        // The float's exact value: MySQL rejects 3.4028235E38, which as a double is above the largest float.
        col("c_float", "FLOAT", Schema.OPTIONAL_FLOAT32_SCHEMA).value("3.4028234663852886E38", 3.4028235E38f)
                .value("-3.4028234663852886E38", -3.4028235E38f).value("1.4E-45", 1.4E-45f).value("0.1", 0.1f)
                .value("1.17549435E-38", 1.17549435E-38f).value("16777217", 16777216f);
        col("c_double", "DOUBLE", Schema.OPTIONAL_FLOAT64_SCHEMA).value("4.9E-324", 4.9E-324)
                .value("1.7976931348623157E308", 1.7976931348623157E308).value("-0.1", -0.1)
                .value("3.141592653589793", 3.141592653589793).value("2.2250738585072014E-308", 2.2250738585072014E-308)
                .value("9007199254740993", 9007199254740992.0);
        col("c_bit1", "BIT(1)", Schema.OPTIONAL_BOOLEAN_SCHEMA).value("b'1'", true).value("b'0'", false);
        col("c_bit10", "BIT(10)", bits(10)).value("b'1000000001'", new byte[] {0x01, 0x02})
                .value("b'1111111111'", new byte[] {(byte) 0xFF, 0x03}).value("b'0'", new byte[] {0, 0});
        col("c_bit64", "BIT(64)", bits(64)).value("b'" + "1".repeat(64) + "'", hex("FFFFFFFFFFFFFFFF"))
                .value("b'1" + "0".repeat(63) + "'", hex("0000000000000080"));
        col("c_char", "CHAR(10)", Schema.OPTIONAL_STRING_SCHEMA).value("'abc  '", "abc").value("''", "");
        col("c_varchar", "VARCHAR(100) CHARACTER SET utf8mb4", Schema.OPTIONAL_STRING_SCHEMA)
                .value("'😀 emoji'", "😀 emoji").value("'it''s a \\\\ back\\\\slash'", "it's a \\ back\\slash")
                .value("'trailing  '", "trailing  ");
        col("c_latin1", "VARCHAR(20) CHARACTER SET latin1", Schema.OPTIONAL_STRING_SCHEMA)
                .value("'café €'", "café €");
        col("c_text", "TEXT", Schema.OPTIONAL_STRING_SCHEMA).value("'line1\\nline2\\ttab'", "line1\nline2\ttab");
        col("c_binary", "BINARY(4)", Schema.OPTIONAL_BYTES_SCHEMA).value("x'0102'", new byte[] {1, 2, 0, 0})
                .value("x'00000000'", new byte[4]);
        col("c_varbinary", "VARBINARY(16)", Schema.OPTIONAL_BYTES_SCHEMA).value("x'DEADBEEF'", hex("DEADBEEF"))
                .value("x''", new byte[0]).value("x'275C0022'", hex("275C0022"));
        col("c_blob", "BLOB", Schema.OPTIONAL_BYTES_SCHEMA).value("x'00FF275C0A'", hex("00FF275C0A"));
        col("c_date", "DATE", logical(SchemaBuilder.int32(), "io.debezium.time.Date"))
                .value("'9999-12-31'", 2932896).value("'0001-01-01'", -719162).value("'1582-10-10'", -141432)
                .value("'0099-12-31'", -683004).value("'0000-01-01'", -719528).value("'1970-01-01'", 0);
        Schema millis = logical(SchemaBuilder.int64(), "io.debezium.time.Timestamp");
        col("c_datetime", "DATETIME", millis).value("'2018-06-20 06:37:03'", 1529476623000L)
                .value("'9999-12-31 23:59:59'", 253402300799000L).value("'0001-01-01 00:00:00'", -62135596800000L);
        col("c_datetime3", "DATETIME(3)", millis).value("'2018-06-20 06:37:03.123'", 1529476623123L)
                .value("'1969-12-31 23:59:59.999'", -1L);
        col("c_datetime6", "DATETIME(6)", logical(SchemaBuilder.int64(), "io.debezium.time.MicroTimestamp"))
                .value("'2018-06-20 06:37:03.123456'", 1529476623123456L)
                .value("'1000-01-01 00:00:00.000001'", -30610223999999999L)
                .value("'9999-12-31 23:59:59.999999'", 253402300799999999L);
        Schema zoned = logical(SchemaBuilder.string(), "io.debezium.time.ZonedTimestamp");
        col("c_timestamp", "TIMESTAMP NULL", zoned).value("'2018-06-20 13:37:03'", "2018-06-20T13:37:03Z")
                .value("'2038-01-19 03:14:07'", "2038-01-19T03:14:07Z")
                .value("'1970-01-01 00:00:01'", "1970-01-01T00:00:01Z");
        col("c_timestamp6", "TIMESTAMP(6) NULL", zoned)
                .value("'2018-06-20 13:37:03.120000'", "2018-06-20T13:37:03.120000Z")
                .value("'2038-01-19 03:14:07.999999'", "2038-01-19T03:14:07.999999Z");
        // A NOT NULL zero TIMESTAMP is emitted as the epoch, which a TIMESTAMP cannot hold otherwise.
        columns.add(new Column("c_timestamp_zero", "TIMESTAMP NOT NULL DEFAULT '2000-01-01 00:00:00'",
                SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").version(1).build(),
                new Cell("'2000-01-01 00:00:00'", "2000-01-01T00:00:00Z"), new ArrayList<>()));
        last().value("'0000-00-00 00:00:00'", "1970-01-01T00:00:00Z");
        Schema microTime = logical(SchemaBuilder.int64(), "io.debezium.time.MicroTime");
        col("c_time", "TIME", microTime).value("'838:59:59'", 3020399000000L).value("'-838:59:59'", -3020399000000L)
                .value("'00:00:00'", 0L).value("'-01:00:00'", -3600000000L);
        col("c_time2", "TIME(2)", microTime).value("'-00:00:00.01'", -10000L);
        col("c_time6", "TIME(6)", microTime).value("'-00:00:00.000001'", -1L)
                .value("'100:00:00.000001'", 360000000001L).value("'838:59:59.000000'", 3020399000000L);
        col("c_year", "YEAR", logical(SchemaBuilder.int32(), "io.debezium.time.Year")).value("2155", 2155)
                .value("1901", 1901).value("0", 0);
        col("c_json", "JSON", logical(SchemaBuilder.string(), "io.debezium.data.Json"))
                .value("'{\"a\": 1, \"b\": [true, null]}'", "{\"a\": 1, \"b\": [true, null]}")
                .value("'\"😀\"'", "\"😀\"");
        col("c_enum", "ENUM('a','b','c d')", logical(SchemaBuilder.string().parameter("allowed", "a,b,c d"),
                "io.debezium.data.Enum")).value("'c d'", "c d").value("'a'", "a");
        col("c_set", "SET('x','y','z')", logical(SchemaBuilder.string().parameter("allowed", "x,y,z"),
                "io.debezium.data.EnumSet")).value("'x,z'", "x,z").value("''", "");
        Schema geometry = SchemaBuilder.struct().name("io.debezium.data.geometry.Geometry").version(1)
                .doc("Geometry").field("wkb", Schema.BYTES_SCHEMA).field("srid", Schema.OPTIONAL_INT32_SCHEMA)
                .optional().build();
        col("c_geometry", "GEOMETRY", geometry)
                .value("ST_GeomFromText('POINT(1 2)', 4326)", geometry(geometry, POINT_1_2, 4326))
                .value("ST_GeomFromText('POINT(1 2)')", geometry(geometry, POINT_1_2, null))
                .value("ST_GeomFromText('LINESTRING(0 0, 1 1)', 0)", geometry(geometry, LINE_0_0_1_1, null))
                .value("ST_GeomFromText('POLYGON((0 0, 1 0, 1 1, 0 0))', 4326)", geometry(geometry, POLYGON, 4326));
        col("c_point", "POINT", geometry).value("ST_GeomFromText('POINT(1 2)')", geometry(geometry, POINT_1_2, null));
    }

    /** The same columns as the Debezium MySQL/MariaDB connector encodes them with other settings or types. */
    private void debeziumColumns() {
        Schema timeMillis = logical(SchemaBuilder.int32(), "io.debezium.time.Time");
        col("dz_time_millis", "TIME(3)", timeMillis).value("'13:57:03.123'", 50223123).value("'-00:00:01.5'", -1500);
        col("dz_nano_time", "TIME(6)", logical(SchemaBuilder.int64(), "io.debezium.time.NanoTime"))
                .value("'838:59:59'", 3020399000000000L).value("'-01:02:03.456789'", -3723456789000L);
        col("dz_nano_timestamp", "DATETIME(6)", logical(SchemaBuilder.int64(), "io.debezium.time.NanoTimestamp"))
                .value("'2018-06-20 06:37:03.123456'", 1529476623123456000L)
                .value("'1900-01-01 00:00:00.000001'", -2208988799999999000L);
        col("dz_zoned_time", "TIME(6)", logical(SchemaBuilder.string(), "io.debezium.time.ZonedTime"))
                .value("'13:37:03.123456'", "13:37:03.123456Z").value("'00:30:00'", "23:30:00-01:00");
        // Debezium's snapshot drops trailing fraction zeros of TIMESTAMP(6).
        col("dz_timestamp6", "TIMESTAMP(6) NULL", logical(SchemaBuilder.string(), "io.debezium.time.ZonedTimestamp"))
                .value("'2018-06-20 13:37:03.12'", "2018-06-20T13:37:03.12Z");
        Schema variable = SchemaBuilder.struct().name("io.debezium.data.VariableScaleDecimal").version(1)
                .field("scale", Schema.INT32_SCHEMA).field("value", Schema.BYTES_SCHEMA).optional().build();
        col("dz_variable_decimal", "DECIMAL(65,30)", variable)
                .value("-12345.6789", new Struct(variable).put("scale", 4).put("value", hex("F8A432EB")))
                .value(NINES, new Struct(variable).put("scale", 30)
                        .put("value", new java.math.BigInteger("9".repeat(65)).toByteArray()));
        col("dz_decimal_string", "DECIMAL(65,30)", Schema.OPTIONAL_STRING_SCHEMA).value(NINES, NINES);
        col("dz_decimal_double", "DECIMAL(10,4)", Schema.OPTIONAL_FLOAT64_SCHEMA).value("1234.5678", 1234.5678)
                .value("-0.0001", -0.0001);
        col("dz_bigint_u_long", "BIGINT UNSIGNED", Schema.OPTIONAL_INT64_SCHEMA)
                .value("9223372036854775807", Long.MAX_VALUE);
        col("dz_json_text", "LONGTEXT CHECK (json_valid(dz_json_text))", Schema.OPTIONAL_STRING_SCHEMA)
                .value("'{\"a\": [1, 2]}'", "{\"a\": [1, 2]}");
        Schema point = SchemaBuilder.struct().name("io.debezium.data.geometry.Point").version(1).doc("Point")
                .field("x", Schema.FLOAT64_SCHEMA).field("y", Schema.FLOAT64_SCHEMA)
                .field("wkb", Schema.OPTIONAL_BYTES_SCHEMA).field("srid", Schema.OPTIONAL_INT32_SCHEMA)
                .optional().build();
        col("dz_point", "POINT", point)
                .value("ST_GeomFromText('POINT(1 2)', 4326)",
                        new Struct(point).put("x", 1.0).put("y", 2.0).put("wkb", POINT_1_2).put("srid", 4326))
                .value("ST_GeomFromText('POINT(1 2)')", new Struct(point).put("x", 1.0).put("y", 2.0));
        col("dz_connect_date", "DATE", org.apache.kafka.connect.data.Date.builder().optional().build())
                .value("'1582-10-10'", new java.util.Date(-141432L * 86_400_000L))
                .value("'0001-01-01'", new java.util.Date(-719162L * 86_400_000L));
        col("dz_connect_time", "TIME(3)", org.apache.kafka.connect.data.Time.builder().optional().build())
                .value("'23:59:59.999'", new java.util.Date(86_399_999L));
        col("dz_connect_timestamp", "DATETIME(3)", org.apache.kafka.connect.data.Timestamp.builder().optional().build())
                .value("'0001-01-01 00:00:00.000'", new java.util.Date(-62135596800000L))
                .value("'2018-06-20 06:37:03.123'", new java.util.Date(1529476623123L));
    }

    private Column col(String name, String definition, Schema schema) {
        Column column = new Column(name, definition, schema, NULL, new ArrayList<>());
        columns.add(column);
        return column;
    }

    private Column last() {
        return columns.get(columns.size() - 1);
    }

    private static Schema decimal(int precision, int scale) {
        return Decimal.builder(scale).parameter("connect.decimal.precision", String.valueOf(precision)).optional()
                .build();
    }

    private static Schema bits(int length) {
        return logical(SchemaBuilder.bytes().parameter("length", String.valueOf(length)), "io.debezium.data.Bits");
    }

    private static Schema logical(SchemaBuilder builder, String name) {
        return builder.name(name).version(1).optional().build();
    }

    private static Struct geometry(Schema schema, byte[] wkb, Integer srid) {
        return new Struct(schema).put("wkb", wkb).put("srid", srid);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
