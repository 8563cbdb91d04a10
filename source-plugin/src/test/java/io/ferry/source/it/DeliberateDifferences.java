package io.ferry.source.it;

import java.util.List;

/**
 * The differences between Ferry's change events and the real Debezium connector's that are deliberate, each
 * with its reason; {@code docs/type-mapping.md} lists the same. {@link DebeziumOracleIT} fails on any other
 * difference, and on an entry here that no longer occurs.
 */
final class DeliberateDifferences {

    /**
     * An allowed difference: the column, the aspect ({@code value} or {@code schema.<attribute>}), and both
     * sides as the JSON converter prints them (null: any).
     */
    record Allowed(String column, String aspect, String ferry, String debezium, String reason) {
        boolean matches(DebeziumOracleIT.Difference difference) {
            return column.equals(difference.column()) && aspect.equals(difference.aspect())
                    && (ferry == null || ferry.equals(difference.ferry()))
                    && (debezium == null || debezium.equals(difference.debezium()));
        }
    }

    private static final String MARIADB_JSON = "MariaDB's JSON is LONGTEXT with a json_valid CHECK: Debezium sees"
            + " LONGTEXT, Ferry reads the JSON type from information_schema and keeps the Json logical type";
    private static final String NO_TIME_ADJUSTER = "Debezium's enable.time.adjuster reads years 0-99 as 2000-2099"
            + " (and YEAR 0 as 2000 in the snapshot); Ferry keeps the stored year";
    private static final String DDL_ESCAPES = "Debezium's DDL parser keeps a string DEFAULT's SQL escapes ('' and"
            + " backslashes); Ferry reads the value information_schema unescapes to";
    private static final String FSP_DIGITS = "Debezium prints a TIMESTAMP default without trailing fraction zeros,"
            + " Ferry with exactly fsp digits like its values (and Debezium's binlog values)";

    /** Differences in the field schemas of the row struct. */
    static final List<Allowed> SCHEMAS = List.of(
            new Allowed("c_json", "schema.name", "\"io.debezium.data.Json\"", "null", MARIADB_JSON),
            new Allowed("c_json", "schema.version", "1", "null", MARIADB_JSON));

    /** Differences in the values of before- and after-images. */
    static final List<Allowed> VALUES = List.of(
            new Allowed("c_float", "value", "-3.4028235E38", "-3.40282E38", "Debezium's snapshot reads FLOAT through"
                    + " the text protocol, rounded to 6 digits; Ferry (and Debezium's binlog path) are bit-exact"),
            new Allowed("c_float", "value", "1.6777216E7", "1.67772E7", "as above"),
            new Allowed("c_timestamp6", "value", "\"2018-06-20T13:37:03.120000Z\"", "\"2018-06-20T13:37:03.12Z\"",
                    "Debezium's snapshot drops trailing fraction zeros; Ferry (and Debezium's binlog path) print"
                            + " exactly fsp digits"),
            new Allowed("c_timestamp0", "value", "null", "\"1970-01-01T00:00:00Z\"", "a zero TIMESTAMP in a"
                    + " nullable column: Debezium's binlog path gives the epoch, its snapshot and Ferry give null"),
            new Allowed("c_date", "value", "-719162", "11323", NO_TIME_ADJUSTER),
            new Allowed("c_year", "value", "0", "2000", NO_TIME_ADJUSTER),
            new Allowed("c_year", "value", "0", "1900", "YEAR 0000 in the binlog: Debezium's binlog client reads it as"
                    + " 1900; Ferry keeps 0"),
            new Allowed("c_ts_nn", "value", "\"2000-01-01T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"", "a zero"
                    + " TIMESTAMP in a NOT NULL column, stream: Debezium's binlog path gives the epoch; its snapshot"
                    + " and Ferry (both paths) give the column DEFAULT"));

    /** Differences in the field schemas of the defaults table, in the snapshot and in the stream. */
    static final List<Allowed> DEFAULTS_SCHEMAS = List.of(
            new Allowed("d_json", "schema.name", "\"io.debezium.data.Json\"", "null", MARIADB_JSON),
            new Allowed("d_json", "schema.version", "1", "null", MARIADB_JSON),
            new Allowed("d_varchar", "schema.default", "\"it's \\\\ ok\"", "\"it''s \\\\\\\\ ok\"", DDL_ESCAPES),
            new Allowed("d_binary", "schema.default", "\"YWIAAA==\"", "\"YWJcMFww\"", DDL_ESCAPES
                    + " (BINARY(4) DEFAULT 'ab' is shown as 'ab\\0\\0')"),
            new Allowed("d_ts6_now", "schema.default", "\"1970-01-01T00:00:00.000000Z\"", "\"1970-01-01T00:00:00Z\"",
                    FSP_DIGITS));

    /** Differences in the streamed values of the defaults table. */
    static final List<Allowed> DEFAULTS_VALUES = List.of();

    private DeliberateDifferences() {
    }
}
