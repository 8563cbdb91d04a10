package io.ferry.source.schema;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: a table with a column of every type Ferry maps, rows with edge values, and the Debezium
 * representation each value must have, written down by hand (not computed by the code under test). The table
 * and its rows are shared with {@code DebeziumOracleIT}, which compares Ferry's events with Debezium's.
 */
public final class AllTypesTable {

    public static final String DATABASE = "types";
    public static final String TABLE = "all_types";

    public static final String DDL = "CREATE TABLE types.all_types ("
            + "id INT NOT NULL PRIMARY KEY,"
            + " c_tinyint TINYINT, c_tinyint_u TINYINT UNSIGNED, c_bool BOOLEAN,"
            + " c_smallint SMALLINT, c_smallint_u SMALLINT UNSIGNED,"
            + " c_mediumint MEDIUMINT, c_mediumint_u MEDIUMINT UNSIGNED,"
            + " c_int INT, c_int_u INT UNSIGNED, c_bigint BIGINT, c_bigint_u BIGINT UNSIGNED,"
            + " c_decimal DECIMAL(65,30), c_decimal_u DECIMAL(5,2) UNSIGNED, c_float FLOAT, c_double DOUBLE,"
            + " c_bit1 BIT(1), c_bit10 BIT(10), c_bit64 BIT(64),"
            + " c_char CHAR(10), c_varchar VARCHAR(100), c_text TEXT,"
            + " c_latin1 VARCHAR(20) CHARACTER SET latin1, c_varchar_bin VARCHAR(20) COLLATE utf8mb4_bin,"
            + " c_uca VARCHAR(10) COLLATE utf8mb4_uca1400_ai_ci,"
            + " c_uca3 CHAR(3) CHARACTER SET utf8mb3 COLLATE utf8mb3_uca1400_ai_ci,"
            + " c_binary BINARY(4), c_varbinary VARBINARY(10), c_blob BLOB,"
            + " c_date DATE, c_datetime0 DATETIME, c_datetime3 DATETIME(3), c_datetime6 DATETIME(6),"
            + " c_timestamp0 TIMESTAMP NULL DEFAULT NULL, c_timestamp6 TIMESTAMP(6) NULL DEFAULT NULL,"
            + " c_time TIME, c_time2 TIME(2), c_time3 TIME(3), c_time6 TIME(6), c_year YEAR,"
            + " c_json JSON, c_enum ENUM('a','b','c d'), c_set SET('x','y','z'), c_geometry GEOMETRY,"
            + " c_date_nn DATE NOT NULL DEFAULT '2000-01-01',"
            + " c_datetime_nn DATETIME NOT NULL DEFAULT '2000-01-01 00:00:00',"
            + " c_ts_nn TIMESTAMP NOT NULL DEFAULT '2000-01-01 00:00:00'"
            + ") DEFAULT CHARSET utf8mb4";

    /** Zero dates and invalid ENUM values need a non-strict SQL mode. */
    public static final List<String> INSERTS = List.of(
            "SET SESSION sql_mode = ''",
            "SET SESSION time_zone = '+00:00'",
            "INSERT INTO types.all_types (id, c_tinyint, c_tinyint_u, c_bool, c_smallint, c_smallint_u,"
                    + " c_mediumint, c_mediumint_u, c_int, c_int_u, c_bigint, c_bigint_u, c_decimal, c_decimal_u,"
                    + " c_float, c_double, c_bit1, c_bit10, c_bit64, c_char, c_varchar, c_text, c_latin1,"
                    + " c_varchar_bin, c_binary, c_varbinary, c_blob, c_date, c_datetime0, c_datetime3, c_datetime6,"
                    + " c_timestamp0, c_timestamp6, c_time, c_time2, c_time3, c_time6, c_year, c_json, c_enum, c_set,"
                    + " c_geometry) VALUES"
                    + " (1, 127, 255, TRUE, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295,"
                    + " 9223372036854775807, 18446744073709551615,"
                    + " 99999999999999999999999999999999999.999999999999999999999999999999, 999.99,"
                    + " 1.1, 1.7976931348623157E308, b'1', b'1000000001', x'FFFFFFFFFFFFFFFF',"
                    + " 'abc', '\uD83D\uDE00 emoji', 'long text \u2713 \u65E5\u672C\u8A9E', 'caf\u00E9 \u20AC', 'Bin',"
                    + " x'0102', x'00FF00', x'DEADBEEF', '9999-12-31', '9999-12-31 23:59:59',"
                    + " '2018-06-20 06:37:03.123', '2018-06-20 06:37:03.123456', '2038-01-19 03:14:07',"
                    + " '2018-06-20 13:37:03.120000', '838:59:59', '-00:00:00.01', '12:34:56.789',"
                    + " '838:59:59.000000', 2155, '{\"a\": 1, \"b\": [true, null]}', 'c d', 'x,z',"
                    + " ST_GeomFromText('POINT(1 2)')),"
                    + " (2, -128, 0, FALSE, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0,"
                    + " -99999999999999999999999999999999999.999999999999999999999999999999, 0,"
                    + " -3.4028235E38, 4.9E-324, b'0', b'0000000010', b'1', '', 'trailing  ', '', '\u00D8\u00BF', '',"
                    + " x'01020300', x'', x'', '0001-01-01', '1000-01-01 00:00:00', '1970-01-01 00:00:00.001',"
                    + " '1969-12-31 23:59:59.999999', '1970-01-01 00:00:01', '2000-02-29 12:00:00.000001',"
                    + " '-838:59:59', '100:00:00.99', '-01:02:03.450', '-838:59:59.000000', 1901, '[]', 'a', '',"
                    + " ST_GeomFromText('POINT(1 2)', 4326))",
            "INSERT INTO types.all_types (id) VALUES (3)",
            "INSERT INTO types.all_types (id, c_uca, c_uca3) VALUES (5, '\u00C5\u00DF', '\u00E9t\u00E9')",
            "INSERT INTO types.all_types (id, c_float, c_double, c_char, c_date, c_datetime0, c_datetime3,"
                    + " c_timestamp0, c_time, c_time6, c_year, c_enum, c_set, c_date_nn, c_datetime_nn, c_ts_nn)"
                    + " VALUES (4, 16777217, -0.1, 'a  ', '0000-00-00', '0000-00-00 00:00:00',"
                    + " '2020-00-15 10:00:00', '0000-00-00 00:00:00', '-00:00:01', '-00:00:00.000001', 0, 'nope',"
                    + " 'z,x', '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00')");

    /** The rows {@link #INSERTS} writes have ids 1 to {@code ROWS}. */
    public static final int ROWS = 5;

    private AllTypesTable() {
    }

    /** WKB of POINT(1 2): little-endian marker, type 1, x = 1.0, y = 2.0. */
    static final byte[] POINT_1_2 = {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xF0, 0x3F, 0, 0, 0, 0, 0, 0, 0, 0x40};

    /** The expected value of each non-null field of row {@code id}; every other field must be null. */
    static Map<String, Object> expected(int id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("c_date_nn", 10957);
        row.put("c_datetime_nn", 946684800000L);
        row.put("c_ts_nn", "2000-01-01T00:00:00Z");
        switch (id) {
            case 1 -> row.putAll(first());
            case 2 -> row.putAll(second());
            case 4 -> row.putAll(fourth());
            case 5 -> {
                row.put("c_uca", "\u00C5\u00DF");
                row.put("c_uca3", "\u00E9t\u00E9");
            }
            default -> { }
        }
        return row;
    }

    private static Map<String, Object> first() {
        Map<String, Object> row = new HashMap<>();
        row.put("c_tinyint", (short) 127);
        row.put("c_tinyint_u", (short) 255);
        row.put("c_bool", (short) 1);
        row.put("c_smallint", (short) 32767);
        row.put("c_smallint_u", 65535);
        row.put("c_mediumint", 8388607);
        row.put("c_mediumint_u", 16777215);
        row.put("c_int", 2147483647);
        row.put("c_int_u", 4294967295L);
        row.put("c_bigint", Long.MAX_VALUE);
        row.put("c_bigint_u", new BigDecimal("18446744073709551615"));
        row.put("c_decimal", new BigDecimal("99999999999999999999999999999999999.999999999999999999999999999999"));
        row.put("c_decimal_u", new BigDecimal("999.99"));
        row.put("c_float", 1.1f);
        row.put("c_double", 1.7976931348623157E308);
        row.put("c_bit1", true);
        row.put("c_bit10", new byte[] {0x01, 0x02});
        row.put("c_bit64", new byte[] {-1, -1, -1, -1, -1, -1, -1, -1});
        row.put("c_char", "abc");
        row.put("c_varchar", "\uD83D\uDE00 emoji");
        row.put("c_text", "long text \u2713 \u65E5\u672C\u8A9E");
        row.put("c_latin1", "caf\u00E9 \u20AC");
        row.put("c_varchar_bin", "Bin");
        row.put("c_binary", new byte[] {1, 2, 0, 0});
        row.put("c_varbinary", new byte[] {0, -1, 0});
        row.put("c_blob", new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF});
        row.put("c_date", 2932896);
        row.put("c_datetime0", 253402300799000L);
        row.put("c_datetime3", 1529476623123L);
        row.put("c_datetime6", 1529476623123456L);
        row.put("c_timestamp0", "2038-01-19T03:14:07Z");
        row.put("c_timestamp6", "2018-06-20T13:37:03.120000Z");
        row.put("c_time", 3020399000000L);
        row.put("c_time2", -10000L);
        row.put("c_time3", 45296789000L);
        row.put("c_time6", 3020399000000L);
        row.put("c_year", 2155);
        row.put("c_json", "{\"a\": 1, \"b\": [true, null]}");
        row.put("c_enum", "c d");
        row.put("c_set", "x,z");
        row.put("c_geometry", new Object[] {POINT_1_2, null});
        return row;
    }

    private static Map<String, Object> second() {
        Map<String, Object> row = new HashMap<>();
        row.put("c_tinyint", (short) -128);
        row.put("c_tinyint_u", (short) 0);
        row.put("c_bool", (short) 0);
        row.put("c_smallint", (short) -32768);
        row.put("c_smallint_u", 0);
        row.put("c_mediumint", -8388608);
        row.put("c_mediumint_u", 0);
        row.put("c_int", -2147483648);
        row.put("c_int_u", 0L);
        row.put("c_bigint", Long.MIN_VALUE);
        row.put("c_bigint_u", new BigDecimal("0"));
        row.put("c_decimal", new BigDecimal("-99999999999999999999999999999999999.999999999999999999999999999999"));
        row.put("c_decimal_u", new BigDecimal("0.00"));
        row.put("c_float", -3.4028235E38f);
        row.put("c_double", 4.9E-324);
        row.put("c_bit1", false);
        row.put("c_bit10", new byte[] {0x02, 0x00});
        row.put("c_bit64", new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
        row.put("c_char", "");
        row.put("c_varchar", "trailing  ");
        row.put("c_text", "");
        row.put("c_latin1", "\u00D8\u00BF");
        row.put("c_varchar_bin", "");
        row.put("c_binary", new byte[] {1, 2, 3, 0});
        row.put("c_varbinary", new byte[0]);
        row.put("c_blob", new byte[0]);
        row.put("c_date", -719162);
        row.put("c_datetime0", -30610224000000L);
        row.put("c_datetime3", 1L);
        row.put("c_datetime6", -1L);
        row.put("c_timestamp0", "1970-01-01T00:00:01Z");
        row.put("c_timestamp6", "2000-02-29T12:00:00.000001Z");
        row.put("c_time", -3020399000000L);
        row.put("c_time2", 360000990000L);
        row.put("c_time3", -3723450000L);
        row.put("c_time6", -3020399000000L);
        row.put("c_year", 1901);
        row.put("c_json", "[]");
        row.put("c_enum", "a");
        row.put("c_set", "");
        row.put("c_geometry", new Object[] {POINT_1_2, 4326});
        return row;
    }

    /** Zero dates: null where the column is nullable, the column's DEFAULT where it is NOT NULL. */
    private static Map<String, Object> fourth() {
        Map<String, Object> row = new HashMap<>();
        row.put("c_float", 1.6777216E7f);
        row.put("c_double", -0.1);
        row.put("c_char", "a");
        row.put("c_time", -1000000L);
        row.put("c_time6", -1L);
        row.put("c_year", 0);
        row.put("c_enum", "");
        row.put("c_set", "x,z");
        // c_date_nn, c_datetime_nn and c_ts_nn hold zero dates: their DEFAULT, as in every other row.
        return row;
    }
}
