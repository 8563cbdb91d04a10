package io.ferry.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.common.TableId;
import io.ferry.source.MySqlSourceConfig;
import io.ferry.source.snapshot.SnapshotHooks;
import io.ferry.testkit.connect.ChangeTopic;
import io.ferry.testkit.connect.ChangeTopic.Event;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The snapshot of a table without a usable key (duplicate rows included) beside a keyed table, with two tasks:
 * by MariaDB's consistent snapshot and by the quiet-window method MySQL uses (forced here), with concurrent
 * writes and with writes placed at the read's low watermark. Each test replays the keyless table's topic as a
 * multiset (a create adds a row, a delete removes one equal row, an update both) and compares it with the table.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeylessSnapshotIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(2).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String SENTINEL = "sentinel";
    private static final int ROWS = 3000;

    @AfterEach
    void resetHooks() {
        SnapshotHooks.reset();
    }

    @Test
    @Order(1)
    void consistentSnapshotUnderConcurrentWrites() throws Exception {
        concurrentWritesConverge("ks1", 0);
    }

    @Test
    @Order(2)
    void quietWindowUnderConcurrentWrites() throws Exception {
        SnapshotHooks.forceQuietWindow(true);
        // The writer pauses between writes, or the quiet-window method would never see the table at rest.
        concurrentWritesConverge("kq1", 150);
    }

    @Test
    @Order(3)
    void aWriteAtTheLowWatermarkForcesOneMoreQuietWindowRead() {
        SnapshotHooks.forceQuietWindow(true);
        String db = createTables("keyless_retry");
        AtomicInteger reads = new AtomicInteger();
        TableId events = new TableId(db, "b_events");
        SnapshotHooks.set((point, table, chunk) -> {
            if (table.equals(events) && point == SnapshotHooks.Point.AFTER_LOW_WATERMARK
                    && reads.incrementAndGet() == 1) {
                writeOnce(db);
            }
        });
        List<Event> topic = runToSentinel("kr1", config("kr1", db), db);

        assertThat(reads).as("reads of the keyless table").hasValue(2);
        assertReplayEqualsSource(topic, db);
        // The second read saw the three writes; the stream, which starts before that read's position (at the
        // keyed stripes' finish), must not emit them again.
        assertThat(topic).filteredOn(e -> e.value() != null && !"r".equals(e.op()))
                .extracting(KeylessSnapshotIT::k).containsOnly(SENTINEL);
        assertThat(topic).filteredOn(e -> "r".equals(e.op())).hasSize(ROWS);
        CONNECT.delete("kr1");
    }

    @Test
    @Order(4)
    void aWriteAfterTheConsistentSnapshotIsStreamedAndNotRead() {
        String db = createTables("keyless_exact");
        AtomicInteger reads = new AtomicInteger();
        TableId events = new TableId(db, "b_events");
        SnapshotHooks.set((point, table, chunk) -> {
            if (table.equals(events) && point == SnapshotHooks.Point.AFTER_LOW_WATERMARK
                    && reads.incrementAndGet() == 1) {
                writeOnce(db);
            }
        });
        List<Event> topic = runToSentinel("ke1", config("ke1", db), db);

        assertThat(reads).as("reads of the keyless table: a consistent snapshot is never repeated").hasValue(1);
        assertReplayEqualsSource(topic, db);
        assertThat(topic).filteredOn(e -> "r".equals(e.op())).hasSize(ROWS)
                .noneMatch(e -> "written".equals(k(e)));
        assertThat(topic).filteredOn(e -> e.value() != null && !"r".equals(e.op())).extracting(Event::op)
                .containsExactly("c", "d", "u", "c");
        CONNECT.delete("ke1");
    }

    @Test
    @Order(5)
    void aTableThatNeverRestsFailsTheTaskNamingTheFix() {
        SnapshotHooks.forceQuietWindow(true);
        String db = createTables("keyless_busy");
        TableId events = new TableId(db, "b_events");
        SnapshotHooks.set((point, table, chunk) -> {
            if (table.equals(events) && point == SnapshotHooks.Point.AFTER_LOW_WATERMARK) {
                SOURCE.execute("INSERT INTO " + db + ".b_events VALUES ('busy', 1)");
            }
        });
        CONNECT.deploy("kb1", config("kb1", db));
        String trace = CONNECT.awaitTaskFailure("kb1", TIMEOUT);

        assertThat(trace).contains(db + ".b_events").contains("has no primary key")
                .contains("Pause writes to").contains("add a primary key");
        CONNECT.delete("kb1");
    }

    @Test
    @Order(6)
    void aReadCutOffByALostConnectionIsRepeatedWhole() {
        String db = createTables("keyless_lost");
        TableId events = new TableId(db, "b_events");
        AtomicInteger reads = new AtomicInteger();
        SnapshotHooks.set((point, table, chunk) -> {
            if (table.equals(events) && point == SnapshotHooks.Point.AFTER_SELECT && reads.incrementAndGet() == 1) {
                // Drop every client connection but replication streams: the read's COMMIT fails.
                for (List<String> row : SOURCE.queryRows("SELECT ID FROM information_schema.PROCESSLIST"
                        + " WHERE ID <> CONNECTION_ID() AND COMMAND NOT IN ('Binlog Dump', 'Daemon')")) {
                    SOURCE.execute("KILL CONNECTION " + row.get(0));
                }
                writeOnce(db);
            }
        });
        List<Event> topic = runToSentinel("kl1", config("kl1", db), db);

        assertThat(reads).as("reads of the keyless table").hasValue(2);
        assertReplayEqualsSource(topic, db);
        assertThat(topic).filteredOn(e -> "r".equals(e.op())).hasSize(ROWS);
        CONNECT.delete("kl1");
    }

    private void concurrentWritesConverge(String name, long pauseMs) throws Exception {
        String db = createTables("keyless_" + name);
        TableId items = new TableId(db, "a_items");
        // Slow the keyed stripes down so that the writer runs throughout the snapshot.
        SnapshotHooks.set((point, table, chunk) -> {
            if (table.equals(items) && point == SnapshotHooks.Point.AFTER_SELECT) {
                Thread.sleep(100);
            }
        });
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger writes = new AtomicInteger();
        Thread writer = new Thread(() -> {
            Random random = new Random(7);
            while (!stop.get()) {
                String k = "'k" + random.nextInt(60) + "'";
                switch (random.nextInt(3)) {
                    case 0 -> SOURCE.execute("INSERT INTO " + db + ".b_events VALUES (" + k + ", "
                            + random.nextInt(5) + ")");
                    case 1 -> SOURCE.execute("DELETE FROM " + db + ".b_events WHERE k = " + k + " LIMIT 1");
                    default -> SOURCE.execute("UPDATE " + db + ".b_events SET v = v + 1 WHERE k = " + k
                            + " LIMIT 1");
                }
                writes.incrementAndGet();
                if (pauseMs > 0) {
                    try {
                        Thread.sleep(pauseMs);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "keyless-writer");
        writer.start();
        try {
            CONNECT.deploy(name, config(name, db));
            awaitStreaming(name);
        } finally {
            stop.set(true);
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
        List<Event> topic = awaitSentinel(name, db);

        assertThat(writes.get()).as("writes during the snapshot").isGreaterThan(10);
        assertReplayEqualsSource(topic, db);
        assertThat(topic).as("streamed changes of the keyless table").anyMatch(e -> "u".equals(e.op()));
        assertKeyedReplayEqualsSource(name, db);
        CONNECT.delete(name);
    }

    /** One insert, one delete and one update of the keyless table, each of one row among equal ones. */
    private static void writeOnce(String db) {
        SOURCE.execute("INSERT INTO " + db + ".b_events VALUES ('written', 1)",
                "DELETE FROM " + db + ".b_events WHERE k = 'k1' LIMIT 1",
                "UPDATE " + db + ".b_events SET v = 100 WHERE k = 'k2' LIMIT 1");
    }

    /**
     * {@code a_items} (keyed, two stripes) and {@code b_events} (no key, every row several times): by name order
     * task 0 reads a keyed stripe first and the keyless table after it, so the stream starts before the keyless
     * table's position and must drop its older changes.
     */
    private static String createTables(String db) {
        SOURCE.createDatabase(db);
        SOURCE.execute("CREATE TABLE " + db + ".a_items (id INT PRIMARY KEY, v INT NOT NULL)",
                "CREATE TABLE " + db + ".b_events (k VARCHAR(20), v INT)",
                "USE " + db,
                "INSERT INTO a_items SELECT seq, seq FROM seq_1_to_2000",
                "INSERT INTO b_events SELECT CONCAT('k', seq % 60), seq % 3 FROM seq_1_to_" + ROWS);
        assertThat(SOURCE.queryString("SELECT COUNT(*) - COUNT(DISTINCT k, v) FROM " + db + ".b_events"))
                .as("duplicate rows").isNotEqualTo("0");
        return db;
    }

    private static Map<String, String> config(String name, String db) {
        Map<String, String> config = SourceConnectors.config(SOURCE, name, db + "\\.(a_items|b_events)", 2);
        config.put(MySqlSourceConfig.SNAPSHOT_CHUNK_SIZE_CONFIG, "200");
        return config;
    }

    private static List<Event> runToSentinel(String name, Map<String, String> config, String db) {
        CONNECT.deploy(name, config);
        return awaitSentinel(name, db);
    }

    /** Inserts a marker row once streaming runs and waits for it: everything before it has been emitted. */
    private static List<Event> awaitSentinel(String name, String db) {
        awaitStreaming(name);
        SOURCE.execute("INSERT INTO " + db + ".b_events VALUES ('" + SENTINEL + "', 0)");
        return new ChangeTopic(CONNECT, name + "." + db + ".b_events")
                .await(events -> events.stream().anyMatch(e -> SENTINEL.equals(k(e))), TIMEOUT);
    }

    private static void awaitStreaming(String name) {
        Awaitility.await("streaming of " + name).atMost(TIMEOUT).ignoreExceptions().until(() ->
                CONNECT.offsets(name).stream().anyMatch(o -> !o.get("partition").containsKey("table")));
    }

    /** The topic replayed as a multiset of rows against the table's rows now. */
    private static void assertReplayEqualsSource(List<Event> events, String db) {
        Map<String, Integer> replayed = new TreeMap<>();
        for (Event event : events) {
            if (event.value() == null) {
                continue;
            }
            if (event.before() != null) {
                String row = row(event.before());
                assertThat(replayed.getOrDefault(row, 0)).as("a row to remove for %s", event.value()).isPositive();
                replayed.merge(row, -1, Integer::sum);
                replayed.remove(row, 0);
            }
            if (event.after() != null) {
                replayed.merge(row(event.after()), 1, Integer::sum);
            }
        }
        Map<String, Integer> source = new TreeMap<>();
        SOURCE.queryRows("SELECT k, v FROM " + db + ".b_events").forEach(r ->
                source.merge(r.get(0) + "/" + r.get(1), 1, Integer::sum));
        assertThat(replayed).isEqualTo(source);
    }

    private static void assertKeyedReplayEqualsSource(String name, String db) {
        SOURCE.execute("INSERT INTO " + db + ".a_items VALUES (0, -1)");
        List<Event> events = new ChangeTopic(CONNECT, name + "." + db + ".a_items").await(all -> all.stream()
                .anyMatch(e -> e.after() != null && e.after().get("id").asInt() == 0), TIMEOUT);
        Map<Integer, Integer> replayed = new TreeMap<>();
        ChangeTopic.replay(events).values().forEach(row -> replayed.put(row.get("id").asInt(), row.get("v").asInt()));
        Map<Integer, Integer> source = new TreeMap<>();
        SOURCE.queryRows("SELECT id, v FROM " + db + ".a_items").forEach(r ->
                source.put(Integer.parseInt(r.get(0)), Integer.parseInt(r.get(1))));
        assertThat(replayed).isEqualTo(source);
    }

    private static String row(JsonNode image) {
        return (image.get("k").isNull() ? "null" : image.get("k").asText()) + "/"
                + (image.get("v").isNull() ? "null" : image.get("v").asText());
    }

    private static String k(Event e) {
        JsonNode image = e.after() != null ? e.after() : e.before();
        return image == null ? null : image.get("k").asText();
    }
}
