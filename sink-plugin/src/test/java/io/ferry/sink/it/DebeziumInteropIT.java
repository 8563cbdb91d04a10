package io.ferry.sink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.sink.MySqlSinkConfig;
import io.ferry.source.MySqlSourceConfig;
import io.ferry.testkit.connect.ChangeTopic;
import io.ferry.testkit.connect.ChangeTopic.Event;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sink reads topics written by the real Debezium MariaDB connector, not only Ferry's: Debezium snapshots
 * {@link InteropTables} (op {@code r}) and streams inserts, updates, deletes and primary key changes; the sink,
 * routing by the envelope's {@code source.db}/{@code source.table}, applies them to an identical empty schema,
 * and every table must end up identical to its source, value for value.
 *
 * <p>Debezium runs from an isolated {@code plugin.path} directory that the build fills
 * ({@code target/debezium-plugin}), never from the test class path: its own {@code debezium-ddl-parser} is older
 * than the one the sink uses.
 */
class DebeziumInteropIT {

    private static final Path DEBEZIUM_PLUGIN_PATH = Path.of("target", "debezium-plugin");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String LOSSY_DATABASE = "interop_defaults";
    private static final String NULLS_DATABASE = "interop_nulls";
    private static final String NULLS_FROM_FERRY = "interop_nulls_ferry";
    private static final String ROWS = "SELECT GROUP_CONCAT(CONCAT_WS(':', id, IFNULL(n, 'NULL'),"
            + " IFNULL(s, 'NULL'), nn) ORDER BY id SEPARATOR ' ') FROM ";
    private static final String KEYLESS_ROWS = "SELECT GROUP_CONCAT(CONCAT_WS(':', IFNULL(n, 'NULL'),"
            + " IFNULL(s, 'NULL')) ORDER BY n, s SEPARATOR ' ') FROM ";

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).pluginPath(DEBEZIUM_PLUGIN_PATH)
            .build();

    @Test
    void debeziumIsLoadedFromItsPluginDirectoryOnly() {
        assertThatThrownBy(() -> Class.forName(DebeziumConnectors.CONNECTOR_CLASS))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(CONNECT.connectorPluginClasses()).contains(DebeziumConnectors.CONNECTOR_CLASS);
    }

    @Test
    void sinkReproducesTheTablesDebeziumSnapshotsAndStreams() {
        for (MySqlServer server : new MySqlServer[] {SOURCE, DESTINATION}) {
            server.createDatabase(InteropTables.DATABASE);
            server.execute(InteropTables.DDL.toArray(String[]::new));
        }
        SOURCE.execute(InteropTables.SNAPSHOT_ROWS.toArray(String[]::new));

        CONNECT.deploy("dbz-interop", DebeziumConnectors.exact(SOURCE, CONNECT, "dbz", InteropTables.DATABASE, 6501));
        ChangeTopic allTypes = new ChangeTopic(CONNECT, "dbz." + InteropTables.ALL_TYPES);
        ChangeTopic accounts = new ChangeTopic(CONNECT, "dbz." + InteropTables.ACCOUNTS);
        allTypes.await(events -> count(events, "r") == InteropTables.ALL_TYPES_SNAPSHOT_ROWS, TIMEOUT);
        accounts.await(events -> count(events, "r") == InteropTables.ACCOUNTS_SNAPSHOT_ROWS, TIMEOUT);
        CONNECT.deploy("dbz-interop-sink", Pipelines.sink(DESTINATION, "dbz\\.interop\\..*", 1));

        awaitIdentical(InteropTables.ALL_TYPES);
        awaitIdentical(InteropTables.ACCOUNTS);

        SOURCE.execute(InteropTables.STREAMED_CHANGES.toArray(String[]::new));
        List<Event> streamed = allTypes.await(events -> count(events, "c", "u", "d") >= 9, TIMEOUT);
        assertThat(streamed).extracting(Event::op).contains("c", "u", "d");
        awaitIdentical(InteropTables.ALL_TYPES);
        awaitIdentical(InteropTables.ACCOUNTS);
        assertThat(DESTINATION.queryString("SELECT COUNT(*) FROM " + InteropTables.ACCOUNTS)).isEqualTo("45");
        assertThat(DESTINATION.queryString("SELECT email FROM " + InteropTables.ACCOUNTS + " WHERE id = 1"))
                .isEqualTo("u2@x");

        CONNECT.delete("dbz-interop-sink");
        CONNECT.delete("dbz-interop");
    }

    /**
     * What Debezium's defaults lose, shown rather than hidden (the sink cannot restore lossy input):
     * <ul>
     *   <li>a FLOAT with more than 6 significant digits is rounded to 6 by Debezium's snapshot, which reads FLOAT
     *       as MariaDB's text whatever the settings (its binlog path is exact);</li>
     *   <li>{@code enable.time.adjuster=true} reads the years 0-99 of a DATE as two-digit years (0099 becomes
     *       1999, 0001 becomes 2001), in the snapshot and in the binlog;</li>
     *   <li>{@code bigint.unsigned.handling.mode=long} wraps an unsigned BIGINT above 2^63 to a negative number,
     *       which the sink refuses loudly instead of storing a wrong value.</li>
     * </ul>
     * Everything else here is exact under the defaults.
     */
    @Test
    void debeziumDefaultsRoundSnapshotFloatsShiftTwoDigitYearsAndWrapUnsignedBigints() {
        String table = LOSSY_DATABASE + ".lossy";
        for (MySqlServer server : new MySqlServer[] {SOURCE, DESTINATION}) {
            server.createDatabase(LOSSY_DATABASE);
            server.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, c_float FLOAT, c_date DATE,"
                    + " c_bigint_u BIGINT UNSIGNED, c_decimal DECIMAL(65,30), c_datetime6 DATETIME(6),"
                    + " c_time6 TIME(6), c_blob BLOB)");
        }
        String row = ", 0.1234567, '0099-12-31', 9223372036854775807, -0.000000000000000000000000000001,"
                + " '1969-12-31 23:59:59.999999', '-00:00:00.000001', x'00FF')";
        SOURCE.execute("INSERT INTO " + table + " VALUES (1" + row);
        CONNECT.deploy("dbz-defaults", DebeziumConnectors.defaults(SOURCE, CONNECT, "dbzd", LOSSY_DATABASE, 6502));
        new ChangeTopic(CONNECT, "dbzd." + table).await(events -> count(events, "r") == 1, TIMEOUT);
        Map<String, String> sink = Pipelines.sink(DESTINATION, "dbzd\\..*", 1);
        sink.put(MySqlSinkConfig.RETRY_TIMEOUT_MS_CONFIG, "0");
        CONNECT.deploy("dbz-defaults-sink", sink);
        SOURCE.execute("INSERT INTO " + table + " VALUES (2" + row);

        String exactColumns = "id, c_bigint_u, CAST(c_decimal AS CHAR), c_datetime6, c_time6, c_blob";
        String expected = TableChecksum.of(SOURCE, table, exactColumns, "id");
        Awaitility.await("the exact columns of " + table).atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(TableChecksum.of(DESTINATION, table, exactColumns, "id"))
                        .isEqualTo(expected));
        String floats = "SELECT GROUP_CONCAT(CAST(CAST(c_float AS DOUBLE) AS CHAR) ORDER BY id) FROM " + table;
        String exactFloat = DESTINATION.queryString("SELECT CAST(CAST(CAST(0.1234567 AS FLOAT) AS DOUBLE) AS CHAR)");
        String roundedFloat = DESTINATION.queryString("SELECT CAST(CAST(CAST(0.123457 AS FLOAT) AS DOUBLE) AS CHAR)");
        assertThat(SOURCE.queryString(floats)).isEqualTo(exactFloat + "," + exactFloat);
        assertThat(DESTINATION.queryString(floats)).as("the snapshot's float rounded, the streamed one exact")
                .isEqualTo(roundedFloat + "," + exactFloat);
        assertThat(DESTINATION.queryString("SELECT GROUP_CONCAT(c_date ORDER BY id) FROM " + table))
                .isEqualTo("1999-12-31,1999-12-31");

        SOURCE.execute("INSERT INTO " + table + " (id, c_bigint_u) VALUES (3, 18446744073709551615)");
        assertThat(CONNECT.awaitTaskFailure("dbz-defaults-sink", TIMEOUT)).contains("c_bigint_u");
        assertThat(DESTINATION.queryString("SELECT COUNT(*) FROM " + table + " WHERE id = 3")).isEqualTo("0");
        CONNECT.delete("dbz-defaults-sink");
        CONNECT.delete("dbz-defaults");
    }

    /**
     * A NULL in a nullable column with a DEFAULT arrives as NULL, not as the DEFAULT, from Debezium (whose field
     * schemas carry the defaults of nullable columns too) and from Ferry's source with {@code column.defaults=all},
     * both written and read with {@link Pipelines#NULL_KEEPING_CONVERTERS}: in the snapshot and the stream, in
     * keys' tables and in a keyless table, whose updates match the old row on all its columns, NULLs included.
     * Beside them, a nullable column holding a value other than its default and a NOT NULL column with a DEFAULT.
     */
    @Test
    void nullsInColumnsWithDefaultsArriveAsNull() {
        SOURCE.createDatabase(NULLS_DATABASE);
        SOURCE.execute(nullsTables(NULLS_DATABASE));
        for (String db : List.of(NULLS_DATABASE, NULLS_FROM_FERRY)) {
            DESTINATION.createDatabase(db);
            DESTINATION.execute(nullsTables(db));
        }
        SOURCE.execute("INSERT INTO " + NULLS_DATABASE + ".keyed VALUES (1, NULL, NULL, 9), (2, 3, 'x', 5),"
                        + " (3, 7, 'dflt', 1)",
                "INSERT INTO " + NULLS_DATABASE + ".keyless VALUES (NULL, 'a'), (1, NULL)");

        Map<String, String> debezium = DebeziumConnectors.exact(SOURCE, CONNECT, "dbzn", NULLS_DATABASE, 6503);
        debezium.putAll(Pipelines.NULL_KEEPING_CONVERTERS);
        CONNECT.deploy("dbz-nulls", debezium);
        Map<String, String> ferry = Pipelines.source(SOURCE, "fern", NULLS_DATABASE + "\\..*", 1);
        ferry.put(MySqlSourceConfig.COLUMN_DEFAULTS_CONFIG, "all");
        ferry.putAll(Pipelines.NULL_KEEPING_CONVERTERS);
        CONNECT.deploy("ferry-nulls", ferry);
        for (String prefix : List.of("dbzn", "fern")) { // a sink's topic pattern sees only topics that exist
            new ChangeTopic(CONNECT, prefix + "." + NULLS_DATABASE + ".keyed")
                    .await(events -> count(events, "r") == 3, TIMEOUT);
            new ChangeTopic(CONNECT, prefix + "." + NULLS_DATABASE + ".keyless")
                    .await(events -> count(events, "r") == 2, TIMEOUT);
        }
        Map<String, String> fromDebezium = Pipelines.sink(DESTINATION, "dbzn\\." + NULLS_DATABASE + "\\..*", 1);
        fromDebezium.putAll(Pipelines.NULL_KEEPING_CONVERTERS);
        CONNECT.deploy("dbz-nulls-sink", fromDebezium);
        Map<String, String> fromFerry = Pipelines.sink(DESTINATION, "fern\\." + NULLS_DATABASE + "\\..*", 1);
        fromFerry.put(MySqlSinkConfig.MAPPING_RULES_CONFIG, NULLS_DATABASE + "=" + NULLS_FROM_FERRY);
        fromFerry.putAll(Pipelines.NULL_KEEPING_CONVERTERS);
        CONNECT.deploy("ferry-nulls-sink", fromFerry);
        awaitNullsKept();

        SOURCE.execute("INSERT INTO " + NULLS_DATABASE + ".keyed (id, n, s) VALUES (4, NULL, NULL)",
                "UPDATE " + NULLS_DATABASE + ".keyed SET n = NULL, s = NULL WHERE id = 2",
                "UPDATE " + NULLS_DATABASE + ".keyed SET n = 8 WHERE id = 1",
                "INSERT INTO " + NULLS_DATABASE + ".keyless VALUES (NULL, NULL)",
                "UPDATE " + NULLS_DATABASE + ".keyless SET s = 'b' WHERE n IS NULL AND s = 'a'",
                "DELETE FROM " + NULLS_DATABASE + ".keyless WHERE n = 1");
        assertThat(SOURCE.queryString(ROWS + NULLS_DATABASE + ".keyed"))
                .isEqualTo("1:8:NULL:9 2:NULL:NULL:5 3:7:dflt:1 4:NULL:NULL:5");
        assertThat(SOURCE.queryString(KEYLESS_ROWS + NULLS_DATABASE + ".keyless")).isEqualTo("NULL:NULL NULL:b");
        awaitNullsKept();

        for (String connector : List.of("ferry-nulls-sink", "dbz-nulls-sink", "ferry-nulls", "dbz-nulls")) {
            CONNECT.delete(connector);
        }
    }

    private static String[] nullsTables(String db) {
        return new String[] {
            "CREATE TABLE " + db + ".keyed (id INT PRIMARY KEY, n INT DEFAULT 7, s VARCHAR(20) DEFAULT 'dflt',"
                    + " nn INT NOT NULL DEFAULT 5)",
            "CREATE TABLE " + db + ".keyless (n INT DEFAULT 7, s VARCHAR(20) DEFAULT 'dflt')"};
    }

    /** Waits until both destination copies have the source's rows, NULLs where the source has NULLs. */
    private static void awaitNullsKept() {
        String keyed = SOURCE.queryString(ROWS + NULLS_DATABASE + ".keyed");
        String keyless = SOURCE.queryString(KEYLESS_ROWS + NULLS_DATABASE + ".keyless");
        for (String db : List.of(NULLS_DATABASE, NULLS_FROM_FERRY)) {
            Awaitility.await(db + " with the source's NULLs").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        assertThat(DESTINATION.queryString(ROWS + db + ".keyed")).as(db + ".keyed").isEqualTo(keyed);
                        assertThat(DESTINATION.queryString(KEYLESS_ROWS + db + ".keyless")).as(db + ".keyless")
                                .isEqualTo(keyless);
                    });
        }
    }

    /** Waits until the destination table has exactly the source table's rows, every column compared exactly. */
    private static void awaitIdentical(String qualifiedTable) {
        String[] parts = qualifiedTable.split("\\.");
        String expected = TableChecksum.ofAllColumns(SOURCE, parts[0], parts[1], "id");
        Awaitility.await(qualifiedTable + " identical in the destination").atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(TableChecksum.ofAllColumns(DESTINATION, parts[0], parts[1], "id"))
                        .isEqualTo(expected));
    }

    private static long count(List<Event> events, String... ops) {
        List<String> wanted = List.of(ops);
        return events.stream().filter(e -> e.op() != null && wanted.contains(e.op())).count();
    }
}
