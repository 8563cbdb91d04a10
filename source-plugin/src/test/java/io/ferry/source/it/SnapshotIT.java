package io.ferry.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.common.TableId;
import io.ferry.source.MySqlSourceConfig;
import io.ferry.source.snapshot.ChunkRange;
import io.ferry.source.snapshot.SnapshotHooks;
import io.ferry.testkit.connect.ChangeTopic;
import io.ferry.testkit.connect.ChangeTopic.Event;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.management.ObjectName;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lock-free parallel snapshot against a real server and a three-worker Connect cluster: writes at the
 * watermarks, concurrent writes, a task restarted mid-snapshot, and a worker removed mid-snapshot. Each test
 * replays the table's topic in order and compares it with the source table.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(3).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int SENTINEL = 9_999_999;

    @AfterEach
    void resetHooks() {
        SnapshotHooks.reset();
    }

    @Test
    @Order(1)
    void writesBetweenTheWatermarksAreMergedIntoTheChunk() {
        String db = createTable("snap_hooks", 1000);
        AtomicBoolean fired = new AtomicBoolean();
        TableId table = new TableId(db, "items");
        SnapshotHooks.set((point, t, chunk) -> {
            // Two stripes of about 500 rows, chunks of 100: act in the chunk of id 650, in the second stripe.
            if (!t.equals(table) || !containsId(chunk, 650)) {
                return;
            }
            if (point == SnapshotHooks.Point.AFTER_LOW_WATERMARK && fired.compareAndSet(false, true)) {
                SOURCE.execute("UPDATE " + db + ".items SET v = -1 WHERE id = 650",    // inside, before SELECT
                        "UPDATE " + db + ".items SET v = -2 WHERE id = 520",           // already emitted chunk
                        "UPDATE " + db + ".items SET v = -3 WHERE id = 950");          // chunk still to read
            } else if (point == SnapshotHooks.Point.AFTER_SELECT) {
                SOURCE.execute("UPDATE " + db + ".items SET v = -4 WHERE id = 660",    // inside, after SELECT
                        "DELETE FROM " + db + ".items WHERE id = 670",
                        "UPDATE " + db + ".items SET id = 5000 WHERE id = 680",         // moves to a later chunk
                        "UPDATE " + db + ".items SET id = 670 WHERE id = 530");         // moves into this chunk
            }
        });
        Map<String, String> config = SourceConnectors.config(SOURCE, "h1", db + "\\.items", 2);
        config.put(MySqlSourceConfig.SNAPSHOT_CHUNK_SIZE_CONFIG, "100");
        List<Event> events = runToSentinel("h1", config, db);

        assertThat(fired).isTrue();
        assertReplayEqualsSource(events, db);
        // The chunk's reads already carry the merged changes, so no read is followed by an older change.
        assertThat(reads(events, 650)).singleElement().satisfies(e -> assertThat(v(e)).isEqualTo(-1));
        assertThat(reads(events, 660)).singleElement().satisfies(e -> assertThat(v(e)).isEqualTo(-4));
        assertThat(reads(events, 670)).as("deleted, then re-used by the row moved from 530").singleElement()
                .satisfies(e -> assertThat(v(e)).isEqualTo(530));
        assertThat(reads(events, 680)).isEmpty();
        assertThat(reads(events, 950)).singleElement().satisfies(e -> assertThat(v(e)).isEqualTo(-3));
        assertThat(events).filteredOn(e -> "u".equals(e.op()) && id(e) == 520).hasSize(1);
        CONNECT.delete("h1");
    }

    @Test
    @Order(2)
    void concurrentWritesDuringAParallelSnapshotConverge() throws Exception {
        String db = createTable("snap_writes", 6000);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger writes = new AtomicInteger();
        Thread writer = new Thread(() -> {
            Random random = new Random(42);
            int next = 100_000;
            while (!stop.get()) {
                int id = 1 + random.nextInt(6000);
                switch (random.nextInt(4)) {
                    case 0 -> SOURCE.execute("UPDATE " + db + ".items SET v = v + 1 WHERE id = " + id);
                    case 1 -> SOURCE.execute("INSERT INTO " + db + ".items VALUES (" + next++ + ", 7, 'new')");
                    case 2 -> SOURCE.execute("DELETE FROM " + db + ".items WHERE id = " + id);
                    default -> SOURCE.execute("UPDATE IGNORE " + db + ".items SET id = id + 200000 WHERE id = " + id);
                }
                writes.incrementAndGet();
            }
        }, "snapshot-writer");
        writer.start();
        Map<String, String> config = SourceConnectors.config(SOURCE, "w1", db + "\\.items", 3);
        config.put(MySqlSourceConfig.SNAPSHOT_CHUNK_SIZE_CONFIG, "250");
        CONNECT.deploy("w1", config);
        awaitStreaming("w1");
        stop.set(true);
        writer.join(TimeUnit.SECONDS.toMillis(30));

        List<Event> events = awaitSentinel("w1", db);
        assertThat(writes.get()).isPositive();
        assertReplayEqualsSource(events, db);
        long stripesDone = 0;
        for (int task = 0; task < 3; task++) {
            ObjectName metrics = new ObjectName("io.ferry:type=source-task,connector=\"w1\",task=" + task);
            stripesDone += (Integer) ManagementFactory.getPlatformMBeanServer().getAttribute(metrics,
                    "SnapshotStripesDone");
        }
        assertThat(stripesDone).as("stripes reported done over JMX").isEqualTo(3);
        CONNECT.delete("w1");
    }

    @Test
    @Order(3)
    void aTaskRestartedMidSnapshotContinuesAtTheNextChunk() {
        String db = createTable("snap_resume", 3000);
        TableId table = new TableId(db, "items");
        // Slow the snapshot down (a pause per chunk) so that it is still running when the task restarts. The task
        // thread must not be blocked outright: Connect marks offsets committable between polls.
        AtomicBoolean restarted = new AtomicBoolean();
        Set<Integer> chunksRead = ConcurrentHashMap.newKeySet();
        AtomicInteger changedChunk = new AtomicInteger(-1);
        SnapshotHooks.set((point, t, chunk) -> {
            if (!t.equals(table)) {
                return;
            }
            int start = chunk.start() == null ? 1 : ((Number) chunk.start().get(0)).intValue();
            if (point == SnapshotHooks.Point.AFTER_LOW_WATERMARK && !chunksRead.add(start)
                    && changedChunk.compareAndSet(-1, start)) {
                // A chunk read again after the restart, whose first reads may be in the topic already: a row
                // deleted and a row changed now must not be hidden behind those stale reads.
                SOURCE.execute("DELETE FROM " + db + ".items WHERE id = " + (start + 1),
                        "UPDATE " + db + ".items SET v = -7 WHERE id = " + (start + 2));
            } else if (point == SnapshotHooks.Point.AFTER_SELECT && !restarted.get()) {
                Thread.sleep(250);
            }
        });
        Map<String, String> config = SourceConnectors.config(SOURCE, "r1", db + "\\.items", 1);
        config.put(MySqlSourceConfig.SNAPSHOT_CHUNK_SIZE_CONFIG, "100");
        CONNECT.deploy("r1", config);
        ChangeTopic topic = new ChangeTopic(CONNECT, "r1." + db + ".items");
        int readBeforeRestart = topic.await(events -> events.size() >= 1000, TIMEOUT).size();
        restarted.set(true);
        CONNECT.embedded().restartTask("r1", 0);

        List<Event> events = awaitSentinel("r1", db);
        assertReplayEqualsSource(events, db);
        Map<Integer, Long> readsPerId = events.stream().filter(e -> "r".equals(e.op()))
                .collect(Collectors.groupingBy(SnapshotIT::id, TreeMap::new,
                        Collectors.counting()));
        assertThat(readsPerId).hasSize(3000);
        List<Integer> reread = readsPerId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        // The restart came in the middle of the snapshot, and the restarted task went on from the chunk after the
        // last stored one, not from the start of the table: at most the chunks in flight were read twice, and
        // they form one run of whole chunks.
        assertThat(readBeforeRestart).isLessThan(3000);
        assertThat(readsPerId.values()).allMatch(count -> count <= 2);
        if (!reread.isEmpty()) {
            assertThat(changedChunk.get()).as("a chunk read twice was changed in between").isPositive();
            int first = reread.get(0);
            assertThat(first).isGreaterThan(readBeforeRestart / 100 * 100 - 200);
            assertThat((first - 1) % 100).as("re-reading starts at a chunk boundary").isZero();
            assertThat(reread).containsExactlyElementsOf(
                    IntStream.range(first, first + reread.size()).boxed().toList());
        }
        CONNECT.delete("r1");
    }

    @Test
    @Order(4)
    void chunksDeliveredBeyondTheCommittedOffsetAndReadAgainDoNotHideLaterChanges() throws Exception {
        String db = createTable("snap_redeliver", 5000);
        TableId table = new TableId(db, "items");
        SnapshotHooks.set((point, t, chunk) -> {
            if (t.equals(table) && point == SnapshotHooks.Point.AFTER_SELECT) {
                Thread.sleep(100);
            }
        });
        Map<String, String> config = SourceConnectors.config(SOURCE, "d1", db + "\\.items", 1);
        config.put(MySqlSourceConfig.SNAPSHOT_CHUNK_SIZE_CONFIG, "100");
        CONNECT.deploy("d1", config);
        ChangeTopic topic = new ChangeTopic(CONNECT, "d1." + db + ".items");
        topic.await(events -> events.size() >= 500, TIMEOUT);
        // Connect delivers at least once: records past the committed offset may be in Kafka when a task restarts.
        // Make that happen for sure: remember the committed progress now, let the snapshot read on, and later put
        // the offsets back, as if the records read meanwhile had been delivered but their offsets lost.
        List<Map<String, Map<String, Object>>> restartPoint = Awaitility.await().atMost(TIMEOUT)
                .until(() -> CONNECT.offsets("d1"), offsets -> !offsets.isEmpty());
        int readAtRestartPoint = maxReadId(topic.await(events -> true, TIMEOUT));
        int readLater = maxReadId(topic.await(events -> maxReadId(events) >= readAtRestartPoint + 600, TIMEOUT));
        CONNECT.embedded().stopConnector("d1");
        CONNECT.embedded().assertions().assertConnectorIsStopped("d1", "d1 did not stop");
        int deleted = readLater - 50;
        int updated = readLater - 40;
        int moved = readLater - 30;
        SOURCE.execute("DELETE FROM " + db + ".items WHERE id = " + deleted,
                "UPDATE " + db + ".items SET v = -9 WHERE id = " + updated,
                "UPDATE " + db + ".items SET id = 100000 WHERE id = " + moved);
        CONNECT.embedded().alterConnectorOffsets("d1", new ConnectorOffsets(restartPoint.stream()
                .map(o -> new ConnectorOffset(o.get("partition"), o.get("offset"))).toList()));
        SnapshotHooks.reset();
        CONNECT.embedded().resumeConnector("d1");

        List<Event> events = awaitSentinel("d1", db);
        assertThat(reads(events, updated)).as("read before the restart point was put back, and again after it")
                .hasSize(2);
        assertThat(reads(events, deleted)).as("read once, before its delete").hasSize(1);
        assertReplayEqualsSource(events, db);
        CONNECT.delete("d1");
    }

    @Test
    @Order(5)
    void aStripeIsReadOnlyOnceItsStartPositionIsStored() throws Exception {
        String db = createTable("snap_unstored", 3000);
        TableId table = new TableId(db, "items");
        AtomicReference<List<Map<String, Map<String, Object>>>> storedAtFirstRead = new AtomicReference<>();
        SnapshotHooks.set((point, t, chunk) -> {
            if (!t.equals(table)) {
                return;
            }
            if (point == SnapshotHooks.Point.AFTER_LOW_WATERMARK && storedAtFirstRead.get() == null) {
                // What a task restarted from now on would find: nothing of the stripe has been read yet.
                storedAtFirstRead.set(CONNECT.offsets("u1"));
            } else if (point == SnapshotHooks.Point.AFTER_SELECT) {
                Thread.sleep(50);
            }
        });
        Map<String, String> config = SourceConnectors.config(SOURCE, "u1", db + "\\.items", 1);
        config.put(MySqlSourceConfig.SNAPSHOT_CHUNK_SIZE_CONFIG, "100");
        CONNECT.deploy("u1", config);
        new ChangeTopic(CONNECT, "u1." + db + ".items").await(events -> maxReadId(events) >= 1500, TIMEOUT);
        // The reads of the first chunks are in Kafka. Make the worst case happen for sure: the task dies before
        // Connect stored any offset after the first read (stop, then put back what was stored at that moment).
        CONNECT.embedded().stopConnector("u1");
        CONNECT.embedded().assertions().assertConnectorIsStopped("u1", "u1 did not stop");
        SOURCE.execute("DELETE FROM " + db + ".items WHERE id = 50",
                "UPDATE " + db + ".items SET v = -9 WHERE id = 60",
                "UPDATE " + db + ".items SET id = 100000 WHERE id = 70");
        List<Map<String, Map<String, Object>>> restartPoint = storedAtFirstRead.get();
        if (restartPoint.isEmpty()) {
            CONNECT.embedded().resetConnectorOffsets("u1");
        } else {
            CONNECT.embedded().alterConnectorOffsets("u1", new ConnectorOffsets(restartPoint.stream()
                    .map(o -> new ConnectorOffset(o.get("partition"), o.get("offset"))).toList()));
        }
        SnapshotHooks.reset();
        CONNECT.embedded().resumeConnector("u1");

        List<Event> events = awaitSentinel("u1", db);
        assertReplayEqualsSource(events, db);
        assertThat(restartPoint).as("offsets stored when the first chunk was read").isNotEmpty();
        CONNECT.delete("u1");
    }

    private static int maxReadId(List<Event> events) {
        return events.stream().filter(e -> "r".equals(e.op())).mapToInt(SnapshotIT::id).max().orElse(0);
    }

    @Test
    @Order(6)
    void aLostSourceConnectionMidSnapshotIsRetriedWhereItStopped() {
        String db = createTable("snap_retry", 3000);
        TableId table = new TableId(db, "items");
        AtomicBoolean killed = new AtomicBoolean();
        SnapshotHooks.set((point, t, chunk) -> {
            if (t.equals(table) && point == SnapshotHooks.Point.AFTER_SELECT && containsId(chunk, 1501)
                    && killed.compareAndSet(false, true)) {
                // Drop every client connection but replication streams: the task's next query fails.
                for (List<String> row : SOURCE.queryRows("SELECT ID FROM information_schema.PROCESSLIST"
                        + " WHERE ID <> CONNECTION_ID() AND COMMAND NOT IN ('Binlog Dump', 'Daemon')")) {
                    SOURCE.execute("KILL CONNECTION " + row.get(0));
                }
            }
        });
        Map<String, String> config = SourceConnectors.config(SOURCE, "k1", db + "\\.items", 1);
        config.put(MySqlSourceConfig.SNAPSHOT_CHUNK_SIZE_CONFIG, "100");
        List<Event> events = runToSentinel("k1", config, db);

        assertThat(killed).isTrue();
        assertReplayEqualsSource(events, db);
        Map<Integer, Long> readsPerId = events.stream().filter(e -> "r".equals(e.op()))
                .collect(Collectors.groupingBy(SnapshotIT::id, TreeMap::new, Collectors.counting()));
        assertThat(readsPerId).hasSize(3000);
        assertThat(readsPerId.entrySet()).as("only the chunk that failed is read again")
                .allMatch(e -> e.getValue() == 1 || e.getKey() >= 1501 && e.getKey() < 1601 && e.getValue() <= 2);
        CONNECT.delete("k1");
    }

    @Test
    @Order(10)
    void removingAWorkerMidSnapshotRebalancesItsTasks() {
        String db = createTable("snap_rebalance", 8000);
        Map<String, String> config = SourceConnectors.config(SOURCE, "b1", db + "\\.items", 3);
        config.put(MySqlSourceConfig.SNAPSHOT_CHUNK_SIZE_CONFIG, "100");
        CONNECT.deploy("b1", config);
        new ChangeTopic(CONNECT, "b1." + db + ".items").await(e -> e.size() >= 500, TIMEOUT);
        CONNECT.embedded().removeWorker();

        List<Event> events = awaitSentinel("b1", db);
        assertReplayEqualsSource(events, db);
        CONNECT.delete("b1");
    }

    private static String createTable(String db, int rows) {
        SOURCE.createDatabase(db);
        SOURCE.execute("CREATE TABLE " + db + ".items (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))",
                "USE " + db, "INSERT INTO items SELECT seq, seq, CONCAT('n', seq) FROM seq_1_to_" + rows);
        return db;
    }

    private static List<Event> runToSentinel(String name, Map<String, String> config, String db) {
        CONNECT.deploy(name, config);
        awaitStreaming(name);
        return awaitSentinel(name, db);
    }

    /** Inserts a marker row once streaming runs and waits for it: everything before it has been emitted. */
    private static List<Event> awaitSentinel(String name, String db) {
        awaitStreaming(name);
        SOURCE.execute("INSERT INTO " + db + ".items VALUES (" + SENTINEL + ", 0, 'sentinel')");
        return new ChangeTopic(CONNECT, name + "." + db + ".items")
                .await(events -> events.stream().anyMatch(e -> e.after() != null && id(e) == SENTINEL), TIMEOUT);
    }

    /** Streaming has started once the stream's own offset (stored with its first heartbeat) is committed. */
    private static void awaitStreaming(String name) {
        Awaitility.await("streaming of " + name).atMost(TIMEOUT).ignoreExceptions().until(() ->
                CONNECT.offsets(name).stream().anyMatch(o -> !o.get("partition").containsKey("table")));
    }

    private static void assertReplayEqualsSource(List<Event> events, String db) {
        Map<Integer, String> replayed = new TreeMap<>();
        ChangeTopic.replay(events).values().forEach(row -> replayed.put(row.get("id").asInt(),
                row.get("v").asInt() + "/" + row.get("note").asText()));
        Map<Integer, String> source = new TreeMap<>();
        SOURCE.queryRows("SELECT id, v, note FROM " + db + ".items").forEach(r ->
                source.put(Integer.parseInt(r.get(0)), r.get(1) + "/" + r.get(2)));
        assertThat(replayed).isEqualTo(source);
    }

    private static boolean containsId(ChunkRange chunk, int id) {
        return (chunk.start() == null || ((Number) chunk.start().get(0)).intValue() <= id)
                && (chunk.end() == null || ((Number) chunk.end().get(0)).intValue() > id);
    }

    private static List<Event> reads(List<Event> events, int id) {
        return events.stream().filter(e -> "r".equals(e.op()) && id(e) == id).toList();
    }

    private static int id(Event e) {
        JsonNode row = e.after() != null && !e.after().isNull() ? e.after() : e.before();
        return row.get("id").asInt();
    }

    private static int v(Event e) {
        return e.after().get("v").asInt();
    }
}
