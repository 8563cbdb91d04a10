package io.ferry.sink.it;

import java.util.List;

/**
 * Test fixture of {@link DebeziumInteropIT}: a table with a column of each type family under an unsigned BIGINT
 * key, and a table with a secondary UNIQUE key; rows the snapshot reads, then changes the binlog streams. Edge
 * values are chosen so that any rounding, wrap-around, time-zone shift, truncated fraction or re-encoded byte
 * changes the table's checksum.
 */
final class InteropTables {

    static final String DATABASE = "interop";
    static final String ALL_TYPES = DATABASE + ".all_types";
    static final String ACCOUNTS = DATABASE + ".accounts";

    static final List<String> DDL = List.of(
            "CREATE TABLE " + ALL_TYPES + " (id BIGINT UNSIGNED NOT NULL PRIMARY KEY,"
                    + " c_int INT, c_int_u INT UNSIGNED, c_bigint BIGINT, c_bigint_u BIGINT UNSIGNED,"
                    + " c_decimal DECIMAL(65,30), c_float FLOAT, c_double DOUBLE,"
                    + " c_bit1 BIT(1), c_bit10 BIT(10), c_bit64 BIT(64),"
                    + " c_varchar VARCHAR(100), c_latin1 VARCHAR(50) CHARACTER SET latin1, c_text TEXT,"
                    + " c_blob BLOB, c_binary BINARY(4), c_varbinary VARBINARY(16),"
                    + " c_date DATE, c_datetime0 DATETIME, c_datetime6 DATETIME(6),"
                    + " c_ts3 TIMESTAMP(3) NULL DEFAULT NULL, c_time0 TIME, c_time6 TIME(6), c_year YEAR,"
                    + " c_json JSON, c_enum ENUM('a','b','c d'), c_set SET('x','y','z'), c_geometry GEOMETRY"
                    + ") DEFAULT CHARSET utf8mb4",
            "CREATE TABLE " + ACCOUNTS + " (id INT NOT NULL PRIMARY KEY, email VARCHAR(64) NOT NULL UNIQUE,"
                    + " balance DECIMAL(20,4), note VARCHAR(100)) DEFAULT CHARSET utf8mb4");

    static final String ALL_TYPES_COLUMNS = "id, c_int, c_int_u, c_bigint, c_bigint_u, c_decimal, c_float,"
            + " c_double, c_bit1, c_bit10, c_bit64, c_varchar, c_latin1, c_text, c_blob, c_binary, c_varbinary,"
            + " c_date, c_datetime0, c_datetime6, c_ts3, c_time0, c_time6, c_year, c_json, c_enum, c_set,"
            + " c_geometry";

    /** Rows of {@link #ALL_TYPES} the snapshot reads: the largest, the smallest, all NULL, keys above 2^63. */
    static final int ALL_TYPES_SNAPSHOT_ROWS = 5;
    static final int ACCOUNTS_SNAPSHOT_ROWS = 50;

    /**
     * FLOAT values in the snapshot have at most 6 significant digits: Debezium's snapshot reads FLOAT as text,
     * which MariaDB prints with 6 digits (the defaults test of {@link DebeziumInteropIT} shows the rounding);
     * the streamed rows carry full-precision floats, which the binlog delivers bit-exactly. TIME stays within
     * MySQL's range, -838:59:59 to 838:59:59: MariaDB also holds fractions beyond it, which the sink refuses.
     */
    static final List<String> SNAPSHOT_ROWS = List.of(
            "SET SESSION time_zone = '+00:00'",
            "INSERT INTO " + ALL_TYPES + " (" + ALL_TYPES_COLUMNS + ") VALUES"
                    + " (1, 2147483647, 4294967295, 9223372036854775807, 18446744073709551615,"
                    + " 99999999999999999999999999999999999.999999999999999999999999999999, 1.5,"
                    + " 1.7976931348623157E308, b'1', b'1000000001', x'FFFFFFFFFFFFFFFF',"
                    + " '\uD83D\uDE00 emoji \u2713 \u65E5\u672C\u8A9E', 'caf\u00E9 \u00D8\u00BF', 'text \u00E9',"
                    + " x'DEADBEEF00', x'0102', x'00FF00', '9999-12-31', '9999-12-31 23:59:59',"
                    + " '2018-06-20 06:37:03.123456', '2038-01-19 03:14:07.999', '838:59:59', '838:59:59.000000',"
                    + " 2155, '{\"a\": 1, \"b\": [true, null]}', 'c d', 'x,z', ST_GeomFromText('POINT(1 2)')),"
                    + " (2, -2147483648, 0, -9223372036854775808, 0,"
                    + " -99999999999999999999999999999999999.999999999999999999999999999999, -3.40282E38,"
                    + " 4.9E-324, b'0', b'0000000010', b'1', 'trailing  ', '', '', x'', x'01020300', x'',"
                    + " '0001-01-01', '1000-01-01 00:00:00', '1969-12-31 23:59:59.999999',"
                    + " '1970-01-01 00:00:01.000', '-838:59:59', '-00:00:00.000001', 1901, '[]', 'a', '',"
                    + " ST_GeomFromText('LINESTRING(0 0, 1 1)', 4326)),"
                    + " (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
                    + " (9223372036854775808, 0, 1, -1, 9223372036854775808, 0.000000000000000000000000000001, 0.1,"
                    + " -0.1, b'1', b'0', b'0', '\uD83D\uDC4D', 'x', REPEAT('\u00E9', 300), REPEAT(x'AB', 60000),"
                    + " x'00000000', x'0000', '2000-02-29', '2000-02-29 12:00:00', '2000-02-29 12:00:00.000001',"
                    + " '2000-02-29 12:00:00.5', '00:00:00', '00:00:00', 2000, '{}', 'b', 'x,y,z',"
                    + " ST_GeomFromText('POLYGON((0 0, 1 0, 1 1, 0 0))')),"
                    + " (18446744073709551615, 7, 7, 7, 18446744073709551614, 7, 7, 7, b'1', b'1111111111',"
                    + " b'1000000000000000000000000000000000000000000000000000000000000000', '\u00E9\u00E9',"
                    + " '\u00E9', 'a', x'07', x'07', x'07', '2024-01-01', '2024-01-01 00:00:00',"
                    + " '2024-01-01 00:00:00.000007', '2024-01-01 00:00:00.007', '-01:02:03', '-01:02:03.000007',"
                    + " 2024, '\"s\"', 'c d', 'y', ST_GeomFromText('POINT(-1.5 2.25)'))",
            "INSERT INTO " + ACCOUNTS + " SELECT seq, CONCAT('u', seq, '@x'), seq * 1.0001, REPEAT('n', seq % 7)"
                    + " FROM " + DATABASE + ".seq_1_to_" + ACCOUNTS_SNAPSHOT_ROWS);

    /**
     * What the binlog streams after the snapshot: inserts with full-precision floats and doubles, updates of
     * every column (to and from NULL), deletes, primary key changes (Debezium's delete, tombstone, create), and
     * a swap of two unique emails in one transaction, then a new row taking a deleted row's email.
     */
    static final List<String> STREAMED_CHANGES = List.of(
            "SET SESSION time_zone = '+00:00'",
            "INSERT INTO " + ALL_TYPES + " (" + ALL_TYPES_COLUMNS + ") VALUES"
                    + " (10, -1, 4294967294, -9223372036854775807, 18446744073709551613,"
                    + " -0.000000000000000000000000000001, 16777217, 0.30000000000000004, b'0', b'1111111111',"
                    + " x'8000000000000001', '\uD83E\uDD80 crab', '\u00FF', '', x'00', x'FFFFFFFF', x'FF',"
                    + " '1970-01-01', '1970-01-01 00:00:00', '1970-01-01 00:00:00.000000',"
                    + " '2038-01-19 03:14:07.001', '-00:00:01', '-837:00:00.5', 1999, '[1, 2.5, \"x\"]', 'a',"
                    + " 'z', ST_GeomFromText('MULTIPOINT(1 1, 2 2)')),"
                    + " (11, 1, 1, 1, 1, 1, 0.1234567, 1.0E-300, b'1', b'0000000001', x'0000000000000000',"
                    + " 'a', 'b', 'c', x'01', x'01', x'01', '2001-01-01', '2001-01-01 01:01:01',"
                    + " '2001-01-01 01:01:01.010101', '2001-01-01 01:01:01.010', '01:01:01', '01:01:01.010101',"
                    + " 2001, 'null', 'b', 'x', ST_GeomFromText('POINT(0 0)', 4326))",
            "UPDATE " + ALL_TYPES + " SET c_float = -3.4028234663852886E38, c_double = -1.7976931348623157E308,"
                    + " c_varchar = NULL, c_blob = x'0000', c_datetime6 = '2024-02-29 23:59:59.999999',"
                    + " c_time6 = '-838:59:59.000000', c_json = NULL, c_set = '', c_geometry = NULL WHERE id = 1",
            "UPDATE " + ALL_TYPES + " SET c_int = 5, c_float = 1.17549435E-38, c_decimal = 12.5, c_bit10 = b'1',"
                    + " c_varchar = '\uD83D\uDE00', c_date = '2024-02-29', c_ts3 = '2030-01-01 00:00:00.999',"
                    + " c_geometry = ST_GeomFromText('POINT(3 4)') WHERE id = 3",
            "UPDATE " + ALL_TYPES + " SET id = 100, c_int = 100 WHERE id = 2",
            "UPDATE " + ALL_TYPES + " SET id = 18446744073709551613 WHERE id = 18446744073709551615",
            "DELETE FROM " + ALL_TYPES + " WHERE id = 9223372036854775808",
            "START TRANSACTION",
            "UPDATE " + ACCOUNTS + " SET email = 'swapping' WHERE id = 1",
            "UPDATE " + ACCOUNTS + " SET email = 'u1@x' WHERE id = 2",
            "UPDATE " + ACCOUNTS + " SET email = 'u2@x' WHERE id = 1",
            "COMMIT",
            "DELETE FROM " + ACCOUNTS + " WHERE id = 3",
            "INSERT INTO " + ACCOUNTS + " VALUES (1000, 'u3@x', 3.0003, 'took the email of deleted row 3')",
            "UPDATE " + ACCOUNTS + " SET id = 2000, balance = balance + 1 WHERE id = 4",
            "UPDATE " + ACCOUNTS + " SET email = 'moved@x' WHERE id = 2000",
            "UPDATE " + ACCOUNTS + " SET email = 'u4@x', note = 'took the email of the re-keyed row' WHERE id = 5",
            "UPDATE " + ACCOUNTS + " SET balance = NULL, note = NULL WHERE id BETWEEN 10 AND 20",
            "DELETE FROM " + ACCOUNTS + " WHERE id BETWEEN 46 AND 50");

    private InteropTables() {
    }
}
