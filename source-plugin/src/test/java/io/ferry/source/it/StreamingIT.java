package io.ferry.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.common.server.ServerFlavor;
import io.ferry.source.MySqlSourceConfig;
import io.ferry.testkit.connect.ChangeTopic;
import io.ferry.testkit.connect.ChangeTopic.Event;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Binlog streaming through a real Connect cluster: the events, schema changes, and an exact resume. */
class StreamingIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void streamsRowChangesAsDebeziumEnvelopesAndSchemaChangesInOrder() throws Exception {
        SOURCE.createDatabase("stream1");
        SOURCE.execute("CREATE TABLE stream1.items (id INT PRIMARY KEY, v VARCHAR(20))");
        Map<String, String> config = SourceConnectors.config(SOURCE, "s1", "stream1\\.items", 1);
        config.put(MySqlSourceConfig.SNAPSHOT_MODE_CONFIG, "never");
        CONNECT.deploy("s1", config);
        awaitStreaming("s1");

        SOURCE.execute("INSERT INTO stream1.items VALUES (1, 'a'), (2, 'b')",
                "UPDATE stream1.items SET v = 'bb' WHERE id = 2",
                "UPDATE stream1.items SET id = 3 WHERE id = 1",
                "DELETE FROM stream1.items WHERE id = 2",
                "ALTER TABLE stream1.items ADD COLUMN n INT",
                "INSERT INTO stream1.items VALUES (4, 'd', 44)");

        ChangeTopic topic = new ChangeTopic(CONNECT, "s1.stream1.items");
        List<Event> events = topic.await(e -> e.size() >= 9, TIMEOUT);
        assertThat(events).extracting(Event::op)
                .containsExactly("c", "c", "u", "d", null, "c", "d", null, "c");
        Event update = events.get(2);
        assertThat(update.key().get("id").asInt()).isEqualTo(2);
        assertThat(update.before().get("v").asText()).isEqualTo("b");
        assertThat(update.after().get("v").asText()).isEqualTo("bb");
        JsonNode source = update.value().get("source");
        assertThat(source.get("snapshot").asText()).isEqualTo("false");
        assertThat(source.get("db").asText()).isEqualTo("stream1");
        assertThat(source.get("table").asText()).isEqualTo("items");
        assertThat(source.get("name").asText()).isEqualTo("s1");
        assertThat(source.get("file").asText()).startsWith("binlog.");
        assertThat(source.get("pos").asLong()).isPositive();
        assertThat(source.get("gtid").asText()).matches("\\d+-\\d+-\\d+");
        assertThat(events.get(3).key().get("id").asInt()).as("key change deletes the old key").isEqualTo(1);
        assertThat(events.get(5).after().get("id").asInt()).as("and creates the new one").isEqualTo(3);
        assertThat(events.get(8).after().get("n").asInt()).isEqualTo(44);
        ObjectName metrics = new ObjectName("io.ferry:type=source-task,connector=\"s1\",task=0");
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        assertThat(jmx.getAttribute(metrics, "Phase")).isEqualTo("STREAMING");
        assertThat((Long) jmx.getAttribute(metrics, "StreamedEvents")).isGreaterThanOrEqualTo(9);
        assertThat((String) jmx.getAttribute(metrics, "BinlogPosition")).startsWith("binlog.");
        assertThat((Long) jmx.getAttribute(metrics, "LagMs")).isNotNegative();

        List<Event> ddl = new ChangeTopic(CONNECT, "s1").await(e -> !e.isEmpty(), TIMEOUT);
        assertThat(ddl).singleElement().satisfies(e -> {
            assertThat(e.value().get("ddl").asText()).startsWith("ALTER TABLE stream1.items ADD COLUMN n INT");
            assertThat(e.value().get("tableName").asText()).isEqualTo("items");
            assertThat(e.value().get("databaseName").asText()).isEqualTo("stream1");
        });
        CONNECT.delete("s1");
    }

    @Test
    void aRestartedTaskResumesWithoutLosingOrRepeatingAChange() {
        SOURCE.createDatabase("stream2");
        SOURCE.execute("CREATE TABLE stream2.t (id INT PRIMARY KEY)");
        Map<String, String> config = SourceConnectors.config(SOURCE, "s2", "stream2\\.t", 1);
        config.put(MySqlSourceConfig.SNAPSHOT_MODE_CONFIG, "never");
        CONNECT.deploy("s2", config);
        awaitStreaming("s2");
        ChangeTopic topic = new ChangeTopic(CONNECT, "s2.stream2.t");

        for (int i = 1; i <= 50; i++) {
            SOURCE.execute("INSERT INTO stream2.t VALUES (" + i + ")");
        }
        Event fiftieth = topic.await(e -> e.size() >= 50, TIMEOUT).get(49);
        awaitStoredOffsetPast("s2", fiftieth.value().get("source").get("pos").asLong());
        CONNECT.embedded().restartTask("s2", 0);
        for (int i = 51; i <= 100; i++) {
            SOURCE.execute("INSERT INTO stream2.t VALUES (" + i + ")");
        }

        List<Event> events = topic.await(e -> e.size() >= 100, TIMEOUT);
        assertThat(events).extracting(e -> e.after().get("id").asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 100).boxed().toList());
        CONNECT.delete("s2");
    }

    @Test
    void aPurgedPositionFailsLoudlyOrIsSnapshottedAgainWhenNeeded() {
        SOURCE.createDatabase("stream3");
        SOURCE.execute("CREATE TABLE stream3.t (id INT PRIMARY KEY, v INT)", "INSERT INTO stream3.t VALUES (1, 1)");
        Map<String, String> config = SourceConnectors.config(SOURCE, "s3", "stream3\\.t", 1);
        CONNECT.deploy("s3", config);
        ChangeTopic topic = new ChangeTopic(CONNECT, "s3.stream3.t");
        topic.await(e -> e.size() >= 1, TIMEOUT);
        awaitStreaming("s3");
        CONNECT.embedded().stopConnector("s3");
        SOURCE.execute("UPDATE stream3.t SET v = 2 WHERE id = 1", "FLUSH BINARY LOGS");
        String current = SOURCE.queryRows("SHOW BINARY LOGS").stream().reduce((a, b) -> b).orElseThrow().get(0);
        // The server keeps a file while a replica connection still reads it: purge until the stopped task's
        // connection is gone and the older files with it.
        Awaitility.await("older binlogs purged").atMost(TIMEOUT).until(() -> {
            SOURCE.execute("PURGE BINARY LOGS TO '" + current + "'");
            return SOURCE.queryRows("SHOW BINARY LOGS").size() == 1;
        });

        CONNECT.embedded().resumeConnector("s3");
        // MariaDB offsets carry a GTID position, so the check is that the transactions it lacks were purged.
        assertThat(CONNECT.awaitTaskFailure("s3", TIMEOUT)).contains("no longer on the server",
                "snapshot.mode=when_needed", SOURCE.flavor() == ServerFlavor.MARIADB ? "GTID set" : "position");

        config.put(MySqlSourceConfig.SNAPSHOT_MODE_CONFIG, "when_needed");
        CONNECT.deploy("s3", config);
        CONNECT.embedded().restartConnectorAndTasks("s3", false, false, false);
        List<Event> events = topic.await(e -> e.stream().filter(x -> "r".equals(x.op())).count() >= 2, TIMEOUT);
        assertThat(events.get(events.size() - 1).after().get("v").asInt()).as("snapshot again, as of now")
                .isEqualTo(2);
        SOURCE.execute("UPDATE stream3.t SET v = 3 WHERE id = 1");
        topic.await(e -> "u".equals(e.get(e.size() - 1).op()) && e.get(e.size() - 1).after().get("v").asInt() == 3,
                TIMEOUT);
        CONNECT.delete("s3");
    }

    @Test
    void excludedColumnsAndOperationsAreLeftOutOfSnapshotAndStream() {
        SOURCE.createDatabase("stream4");
        SOURCE.execute("CREATE TABLE stream4.people (id INT PRIMARY KEY, name VARCHAR(20), secret VARCHAR(20))",
                "CREATE TABLE stream4.audit (id INT PRIMARY KEY, what VARCHAR(20))",
                "INSERT INTO stream4.people VALUES (1, 'ann', 's1')", "INSERT INTO stream4.audit VALUES (1, 'boot')");
        Map<String, String> config = SourceConnectors.config(SOURCE, "s4", "stream4\\..*", 1);
        config.put(MySqlSourceConfig.COLUMN_EXCLUDE_CONFIG, "stream4\\.people\\.secret");
        config.put(MySqlSourceConfig.TABLE_OPERATIONS_CONFIG, "stream4\\.audit:insert");
        CONNECT.deploy("s4", config);
        awaitStreaming("s4");
        SOURCE.execute("UPDATE stream4.people SET name = 'anna', secret = 's2' WHERE id = 1",
                "INSERT INTO stream4.audit VALUES (2, 'login')", "UPDATE stream4.audit SET what = 'x'",
                "DELETE FROM stream4.audit WHERE id = 1", "INSERT INTO stream4.audit VALUES (3, 'end')");

        List<Event> people = new ChangeTopic(CONNECT, "s4.stream4.people").await(e -> e.size() >= 2, TIMEOUT);
        assertThat(people).extracting(Event::op).containsExactly("r", "u");
        assertThat(people).allSatisfy(e -> assertThat(e.after().has("secret")).isFalse());
        assertThat(people.get(1).after().get("name").asText()).isEqualTo("anna");
        List<Event> audit = new ChangeTopic(CONNECT, "s4.stream4.audit")
                .await(e -> e.stream().anyMatch(x -> x.after() != null && x.after().get("id").asInt() == 3), TIMEOUT);
        assertThat(audit).extracting(Event::op).containsExactly("r", "c", "c");
        CONNECT.delete("s4");
    }

    @Test
    void aGhostStyleOnlineSchemaChangeArrivesAsOneAlterOfTheOriginalTable() {
        SOURCE.createDatabase("stream5");
        SOURCE.execute("CREATE TABLE stream5.orders (id INT PRIMARY KEY, v INT)",
                "INSERT INTO stream5.orders VALUES (1, 1)");
        Map<String, String> config = SourceConnectors.config(SOURCE, "s5", "stream5\\..*", 1);
        config.put(MySqlSourceConfig.ONLINE_DDL_MODE_CONFIG, "gh-ost");
        CONNECT.deploy("s5", config);
        awaitStreaming("s5");
        // What gh-ost does: shadow table, ALTER it, copy, changelog table, cut-over rename, clean up.
        SOURCE.execute("USE stream5", "CREATE TABLE _orders_gho LIKE orders",
                "ALTER TABLE _orders_gho ADD COLUMN note VARCHAR(20)",
                "INSERT INTO _orders_gho (id, v) SELECT id, v FROM orders",
                "CREATE TABLE _orders_ghc (id INT PRIMARY KEY, hint VARCHAR(20))",
                "INSERT INTO _orders_ghc VALUES (1, 'heartbeat')",
                "UPDATE orders SET v = 2 WHERE id = 1", "UPDATE _orders_gho SET v = 2 WHERE id = 1",
                "RENAME TABLE orders TO _orders_del, _orders_gho TO orders",
                "DROP TABLE _orders_del", "DROP TABLE _orders_ghc",
                "INSERT INTO orders VALUES (2, 2, 'after')");

        List<Event> rows = new ChangeTopic(CONNECT, "s5.stream5.orders")
                .await(e -> e.stream().anyMatch(x -> x.after() != null && x.after().get("id").asInt() == 2), TIMEOUT);
        assertThat(rows).extracting(Event::op).containsExactly("r", "u", "c");
        assertThat(rows.get(2).after().get("note").asText()).isEqualTo("after");
        List<Event> ddl = new ChangeTopic(CONNECT, "s5").await(e -> !e.isEmpty(), TIMEOUT);
        assertThat(ddl).extracting(e -> e.value().get("ddl").asText())
                .containsExactly("ALTER TABLE `stream5`.`orders` ADD COLUMN note VARCHAR(20)");
        assertThat(CONNECT.kafka().describeTopics("s5.stream5._orders_gho", "s5.stream5._orders_ghc")
                .values()).allMatch(Optional::isEmpty);
        CONNECT.delete("s5");
    }

    @Test
    void theHeartbeatTableIsWrittenAndCapturedEvenWhenNotSelected() {
        SOURCE.createDatabase("stream6");
        SOURCE.execute("CREATE TABLE stream6.items (id INT PRIMARY KEY)");
        Map<String, String> config = SourceConnectors.config(SOURCE, "s6", "stream6\\.items", 1);
        config.put(MySqlSourceConfig.SNAPSHOT_MODE_CONFIG, "never");
        config.put(MySqlSourceConfig.HEARTBEAT_TABLE_CONFIG, "stream6.ferry_heartbeat");
        CONNECT.deploy("s6", config);

        List<Event> beats = new ChangeTopic(CONNECT, "s6.stream6.ferry_heartbeat").await(e -> e.size() >= 2, TIMEOUT);
        assertThat(beats).extracting(Event::op).contains("u");
        assertThat(beats.get(beats.size() - 1).after().get("id").asInt()).isEqualTo(1);
        assertThat(beats.get(beats.size() - 1).after().get("ts").asLong()).isPositive();
        CONNECT.delete("s6");
    }

    @Test
    void aRowFilterAppliesToTheSnapshotAndToEachStreamedRowImage() {
        SOURCE.createDatabase("stream7");
        SOURCE.execute("CREATE TABLE stream7.orders (id INT PRIMARY KEY, amount DECIMAL(8,2), status VARCHAR(8))",
                "INSERT INTO stream7.orders VALUES (1, 50, 'paid'), (2, 150, 'paid'), (3, 200, 'void')");
        Map<String, String> config = SourceConnectors.config(SOURCE, "s7", "stream7\\.orders", 1);
        config.put(MySqlSourceConfig.ROW_FILTER_PREFIX + "stream7.orders", "amount >= 100 AND status <> 'void'");
        CONNECT.deploy("s7", config);
        awaitStreaming("s7");
        SOURCE.execute("UPDATE stream7.orders SET amount = 120 WHERE id = 1",   // enters the filter
                "UPDATE stream7.orders SET amount = 10 WHERE id = 2",            // leaves it
                "UPDATE stream7.orders SET amount = 5 WHERE id = 2",             // stays out
                "INSERT INTO stream7.orders VALUES (4, 500, 'paid'), (5, 1, 'paid')");

        List<Event> events = new ChangeTopic(CONNECT, "s7.stream7.orders").await(e -> e.stream()
                .anyMatch(x -> x.after() != null && x.after().get("id").asInt() == 4), TIMEOUT);
        assertThat(events).extracting(Event::op).containsExactly("r", "c", "d", null, "c");
        assertThat(ChangeTopic.replay(events).values()).extracting(row -> row.get("id").asInt())
                .containsExactlyInAnyOrder(1, 4);
        CONNECT.delete("s7");
    }

    /** Streaming has started once its first heartbeat (which stores the start position) is in Kafka. */
    /** Streaming has started once the stream's own offset (stored with its first record) is committed. */
    private static void awaitStreaming(String connector) {
        Awaitility.await("streaming of " + connector).atMost(TIMEOUT).ignoreExceptions().until(() ->
                CONNECT.offsets(connector).stream().anyMatch(o -> !o.get("partition").containsKey("table")));
    }

    /** Waits until Connect has committed a stream offset past binlog position {@code pos} (one file assumed). */
    private static void awaitStoredOffsetPast(String connector, long pos) {
        Awaitility.await("a committed offset past " + pos).atMost(TIMEOUT).ignoreExceptions().until(() ->
                CONNECT.offsets(connector).stream().filter(o -> !o.get("partition").containsKey("table"))
                        .anyMatch(o -> ((Number) o.get("offset").get("pos")).longValue() > pos));
    }
}
