package io.ferry.source.schema;

import java.util.List;

/**
 * Test fixture: a table whose columns carry a DEFAULT of every kind — literals of every type, NULL, none, zero
 * dates, CURRENT_TIMESTAMP with and without fraction digits and ON UPDATE, and expressions — so that
 * {@code DebeziumOracleIT} can compare the field schemas' {@code default} with Debezium's. Its rows take every
 * value from the defaults.
 */
public final class DefaultsTable {

    public static final String TABLE = "defaults";
    public static final String NAME = AllTypesTable.DATABASE + "." + TABLE;

    /** Zero-date defaults need a non-strict SQL mode; TIMESTAMP literals are read in UTC. */
    public static final List<String> DDL = List.of(
            "SET SESSION sql_mode = ''",
            "SET SESSION time_zone = '+00:00'",
            "CREATE TABLE " + NAME + " ("
                    + "id INT NOT NULL PRIMARY KEY,"
                    + " d_tinyint TINYINT DEFAULT -5, d_tinyint_u TINYINT UNSIGNED NOT NULL DEFAULT 255,"
                    + " d_bool BOOLEAN DEFAULT TRUE, d_smallint SMALLINT DEFAULT -32768,"
                    + " d_mediumint_u MEDIUMINT UNSIGNED DEFAULT 16777215, d_int INT NOT NULL DEFAULT 42,"
                    + " d_int_u INT UNSIGNED DEFAULT 4294967295, d_bigint BIGINT DEFAULT -9223372036854775808,"
                    + " d_bigint_u BIGINT UNSIGNED DEFAULT 18446744073709551615,"
                    + " d_decimal DECIMAL(10,3) DEFAULT 1.5, d_decimal_neg DECIMAL(5,2) NOT NULL DEFAULT -0.25,"
                    + " d_float FLOAT DEFAULT 1.1, d_double DOUBLE DEFAULT -2.5e10,"
                    + " d_bit1 BIT(1) DEFAULT b'1', d_bit10 BIT(10) DEFAULT b'1000000001',"
                    + " d_char CHAR(5) DEFAULT 'ab', d_varchar VARCHAR(20) NOT NULL DEFAULT 'it''s \\\\ ok',"
                    + " d_empty VARCHAR(5) DEFAULT '', d_null_text VARCHAR(5) DEFAULT 'NULL',"
                    + " d_text TEXT DEFAULT 'txt',"
                    + " d_latin1 VARCHAR(10) CHARACTER SET latin1 DEFAULT 'caf\u00E9', d_emoji VARCHAR(10)"
                    + " DEFAULT '\uD83D\uDE00', d_binary BINARY(4) DEFAULT 'ab', d_varbinary VARBINARY(4) DEFAULT 'xy',"
                    + " d_date DATE DEFAULT '2020-02-29', d_date_zero DATE DEFAULT '0000-00-00',"
                    + " d_date_zero_nn DATE NOT NULL DEFAULT '0000-00-00',"
                    + " d_datetime DATETIME DEFAULT '2018-06-20 06:37:03',"
                    + " d_datetime3 DATETIME(3) DEFAULT '2018-06-20 06:37:03.123',"
                    + " d_datetime6 DATETIME(6) NOT NULL DEFAULT '2018-06-20 06:37:03.123456',"
                    + " d_datetime_zero_nn DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00',"
                    + " d_datetime_now DATETIME DEFAULT CURRENT_TIMESTAMP,"
                    + " d_datetime6_now DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),"
                    + " d_ts TIMESTAMP NOT NULL DEFAULT '2000-01-01 00:00:00',"
                    + " d_ts6 TIMESTAMP(6) NULL DEFAULT '2018-06-20 13:37:03.123456',"
                    + " d_ts_now TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,"
                    + " d_ts6_now TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),"
                    + " d_ts_zero_nn TIMESTAMP NOT NULL DEFAULT '0000-00-00 00:00:00',"
                    + " d_time TIME DEFAULT '838:59:59', d_time2 TIME(2) DEFAULT '-01:02:03.45',"
                    + " d_year YEAR DEFAULT 2024, d_enum ENUM('a','b c') DEFAULT 'b c',"
                    + " d_set SET('x','y','z') NOT NULL DEFAULT 'x,z', d_json JSON DEFAULT '{\"a\": 1}',"
                    + " d_null INT NULL DEFAULT NULL, d_none INT NOT NULL, d_nullable_none INT,"
                    + " d_expr INT DEFAULT (1 + 1), d_expr_text VARCHAR(30) DEFAULT (concat('a', 'b')),"
                    + " d_expr_date DATE DEFAULT (curdate())"
                    + ") DEFAULT CHARSET utf8mb4");

    /** A row of defaults only (d_none, NOT NULL without a default, gets 0 in non-strict mode). */
    public static String insertDefaults(int id) {
        return "INSERT INTO " + NAME + " (id) VALUES (" + id + ")";
    }

    /** Nullable columns with a DEFAULT that {@link #insertNulls} sets to NULL. */
    public static final List<String> NULLED = List.of("d_tinyint", "d_char", "d_date", "d_ts6");

    /** A row with explicit NULLs in nullable columns that have a DEFAULT. */
    public static String insertNulls(int id) {
        return "INSERT INTO " + NAME + " (id, " + String.join(", ", NULLED) + ") VALUES (" + id
                + ", NULL".repeat(NULLED.size()) + ")";
    }

    /** A DDL in the stream that changes only a default: the table map stays the same, the schema must not. */
    public static final String ALTER_DEFAULT = "ALTER TABLE " + NAME + " ALTER COLUMN d_int SET DEFAULT 7";

    private DefaultsTable() {
    }
}
