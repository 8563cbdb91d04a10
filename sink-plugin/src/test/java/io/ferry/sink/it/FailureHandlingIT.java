package io.ferry.sink.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.sink.MySqlSinkConfig;
import io.ferry.source.MySqlSourceConfig;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import io.ferry.testkit.net.TcpProxy;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What happens when things go wrong: Kafka's committed offsets lost after the destination committed (exactly
 * once effect), the destination unreachable for a while (retried, nothing lost) or for too long (the task fails
 * saying why), and a record the destination rejects (dead-letter topic, the rest applied).
 */
class FailureHandlingIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void replayingRecordsWhoseKafkaOffsetsWereNeverCommittedAppliesNothingTwice() throws Exception {
        // A table without a key: applying an insert twice leaves two rows, so a double apply shows in the count.
        createOnBoth("eo", "CREATE TABLE eo.counter (n INT, note VARCHAR(20))");
        streamFrom("eo", "counter");
        insertRows("eo.counter", 1, 200);
        CONNECT.deploy("eo-sink", Pipelines.sink(DESTINATION, "eo\\.eo\\.counter", 1));
        awaitCount("eo.counter", 200);
        awaitCommittedToEnd("eo-sink", "eo.eo.counter");

        // Lose Kafka's offsets (as if the worker died after the destination commit), write more, replay from 0.
        CONNECT.delete("eo-sink");
        forgetKafkaOffsets("eo-sink", "eo.eo.counter");
        insertRows("eo.counter", 201, 250);
        CONNECT.deploy("eo-sink", Pipelines.sink(DESTINATION, "eo\\.eo\\.counter", 1));
        awaitCommittedToEnd("eo-sink", "eo.eo.counter");
        assertThat(count("eo.counter")).as("each record applied exactly once").isEqualTo(250);
        assertThat(TableChecksum.of(DESTINATION, "eo.counter", "n, note", "n, note"))
                .isEqualTo(TableChecksum.of(SOURCE, "eo.counter", "n, note", "n, note"));

        // Control: the same replay without the offsets stored in the destination applies everything again.
        CONNECT.delete("eo-sink");
        forgetKafkaOffsets("eo-sink", "eo.eo.counter");
        DESTINATION.execute("DELETE FROM ferry.ferry_offsets WHERE connector = 'eo-sink'");
        CONNECT.deploy("eo-sink", Pipelines.sink(DESTINATION, "eo\\.eo\\.counter", 1));
        awaitCount("eo.counter", 500);
        CONNECT.delete("eo-sink");
    }

    @Test
    void anOutageShorterThanTheRetryWindowLosesNothing() throws Exception {
        createOnBoth("outage", "CREATE TABLE outage.items (id INT PRIMARY KEY, v VARCHAR(20))");
        streamFrom("outage", "items");
        try (TcpProxy patient = TcpProxy.to(DESTINATION.host(), DESTINATION.port());
                TcpProxy impatient = TcpProxy.to(DESTINATION.host(), DESTINATION.port())) {
            DESTINATION.createDatabase("outage_short");
            DESTINATION.execute("CREATE TABLE outage_short.items (id INT PRIMARY KEY, v VARCHAR(20))");
            Map<String, String> config = Pipelines.sink(DESTINATION, "outage\\.outage\\.items", 1);
            config.put(MySqlSinkConfig.CONNECTION_PORT_CONFIG, String.valueOf(patient.port()));
            CONNECT.deploy("outage-sink", config);
            Map<String, String> shortWindow = Pipelines.sink(DESTINATION, "outage\\.outage\\.items", 1);
            shortWindow.put(MySqlSinkConfig.CONNECTION_PORT_CONFIG, String.valueOf(impatient.port()));
            shortWindow.put(MySqlSinkConfig.MAPPING_RULES_CONFIG, "outage=outage_short");
            shortWindow.put(MySqlSinkConfig.CONNECTION_RETRY_TIMEOUT_MS_CONFIG, "3000");
            shortWindow.put(MySqlSinkConfig.RETRY_TIMEOUT_MS_CONFIG, "1000");
            CONNECT.deploy("outage-short", shortWindow);
            SOURCE.execute("INSERT INTO outage.items SELECT seq, 'before' FROM outage.seq_1_to_100");
            awaitCount("outage.items", 100);
            awaitCount("outage_short.items", 100);

            patient.cut();
            impatient.cut();
            for (int batch = 0; batch < 8; batch++) {
                SOURCE.execute("INSERT INTO outage.items SELECT seq, 'during' FROM outage.seq_" + (101 + batch * 50)
                        + "_to_" + (150 + batch * 50),
                        "UPDATE outage.items SET v = 'updated' WHERE id = " + (batch + 1));
                Thread.sleep(1000); // spread the writes over an outage longer than a batch
            }
            assertThat(CONNECT.awaitTaskFailure("outage-short", TIMEOUT)).as("the short window runs out")
                    .contains("after retrying").contains("SQLState 08");
            patient.restore();

            Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                    TableChecksum.of(DESTINATION, "outage.items", "id, v", "id"))
                    .isEqualTo(TableChecksum.of(SOURCE, "outage.items", "id, v", "id")));
            assertThat(CONNECT.status("outage-sink").tasks().get(0).state()).isEqualTo("RUNNING");
        }
        CONNECT.delete("outage-sink");
        CONNECT.delete("outage-short");
    }

    @Test
    void aRecordTheDestinationRejectsGoesToTheDeadLetterTopicAndTheRestIsApplied() {
        SOURCE.createDatabase("dlq");
        SOURCE.execute("CREATE TABLE dlq.items (id INT PRIMARY KEY, name VARCHAR(50))");
        DESTINATION.createDatabase("dlq");
        DESTINATION.execute("CREATE TABLE dlq.items (id INT PRIMARY KEY, name VARCHAR(5))");
        streamFrom("dlq", "items");
        Map<String, String> config = Pipelines.sink(DESTINATION, "dlq\\.dlq\\.items", 1);
        config.put(MySqlSinkConfig.RETRY_TIMEOUT_MS_CONFIG, "1000");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", "dlq-items");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        CONNECT.deploy("dlq-sink", config);
        SOURCE.execute("INSERT INTO dlq.items VALUES (1, 'a'), (2, 'b'), (3, 'much too long'), (4, 'd'), (5, 'e')");

        ConsumerRecord<byte[], byte[]> dead = CONNECT.consume(1, TIMEOUT, "dlq-items").iterator().next();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains("much too long");
        assertThat(new String(dead.headers().lastHeader("__connect.errors.exception.message").value(),
                StandardCharsets.UTF_8)).contains("Data too long");
        SOURCE.execute("INSERT INTO dlq.items VALUES (6, 'f')");
        awaitCount("dlq.items", 5);
        assertThat(DESTINATION.queryRows("SELECT id FROM dlq.items ORDER BY id")).extracting(r -> r.get(0))
                .containsExactly("1", "2", "4", "5", "6");
        CONNECT.delete("dlq-sink");
    }

    @Test
    void aColumnAddedOnTheSourceIsWaitedForUntilItIsAddedOnTheDestination() throws Exception {
        createOnBoth("manual", "CREATE TABLE manual.items (id INT PRIMARY KEY, v VARCHAR(20))");
        streamFrom("manual", "items");
        Map<String, String> config = Pipelines.sink(DESTINATION, "manual\\.manual\\.items", 1);
        config.put(MySqlSinkConfig.RETRY_TIMEOUT_MS_CONFIG, "120000");
        CONNECT.deploy("manual-sink", config);
        SOURCE.execute("INSERT INTO manual.items VALUES (1, 'a')");
        awaitCount("manual.items", 1);

        // ddl.apply is off: the new column reaches the destination only by hand, after the rows that carry it.
        SOURCE.execute("ALTER TABLE manual.items ADD COLUMN extra INT", "INSERT INTO manual.items VALUES (2, 'b', 7)");
        ObjectName metrics = new ObjectName("io.ferry:type=sink-task,connector=\"manual-sink\",task=0");
        Awaitility.await("the sink retrying").atMost(TIMEOUT).until(() -> (Long) ManagementFactory
                .getPlatformMBeanServer().getAttribute(metrics, "Retries") >= 2);
        assertThat(CONNECT.status("manual-sink").tasks().get(0).state()).isEqualTo("RUNNING");
        assertThat(count("manual.items")).isEqualTo(1);
        DESTINATION.execute("ALTER TABLE manual.items ADD COLUMN extra INT");

        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                TableChecksum.of(DESTINATION, "manual.items", "id, v, extra", "id"))
                .isEqualTo(TableChecksum.of(SOURCE, "manual.items", "id, v, extra", "id")));
        assertThat(CONNECT.status("manual-sink").tasks().get(0).state()).isEqualTo("RUNNING");
        CONNECT.delete("manual-sink");
        CONNECT.delete("manual-source");
    }

    private static void createOnBoth(String db, String ddl) {
        SOURCE.createDatabase(db);
        SOURCE.execute(ddl);
        DESTINATION.createDatabase(db);
        DESTINATION.execute(ddl);
    }

    /**
     * A source connector with topic prefix = database = {@code db}, streaming (no snapshot). The table's topic is
     * created first: a sink subscribed by regex would otherwise see it only at its next metadata refresh.
     */
    private static void streamFrom(String db, String table) {
        CONNECT.kafka().createTopic(db + "." + db + "." + table);
        Map<String, String> source = Pipelines.source(SOURCE, db, db + "\\..*", 1);
        source.put(MySqlSourceConfig.SNAPSHOT_MODE_CONFIG, "never");
        source.putAll(ConnectCluster.TOPIC_CREATION_DEFAULTS);
        CONNECT.deploy(db + "-source", source);
        CONNECT.awaitRunning(db + "-source", 1, TIMEOUT);
        Awaitility.await().atMost(TIMEOUT).until(() -> !CONNECT.offsets(db + "-source").isEmpty());
    }

    private static void insertRows(String table, int from, int to) {
        for (int n = from; n <= to; n += 10) {
            SOURCE.execute("INSERT INTO " + table + " SELECT seq, 'row' FROM eo.seq_" + n + "_to_" + (n + 9));
        }
    }

    private static long count(String table) {
        return Long.parseLong(DESTINATION.queryString("SELECT COUNT(*) FROM " + table));
    }

    private static void awaitCount(String table, long expected) {
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(count(table)).isEqualTo(expected));
    }

    /** Waits until the sink's consumer group has committed the end of the topic: every record is processed. */
    private static void awaitCommittedToEnd(String connector, String topic) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Admin admin = CONNECT.kafka().createAdminClient()) {
            Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> {
                long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get()
                        .offset();
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("connect-" + connector)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                assertThat(committed).isNotNull();
                assertThat(committed.offset()).isEqualTo(end);
            });
        }
    }

    private static void forgetKafkaOffsets(String connector, String topic) throws Exception {
        try (Admin admin = CONNECT.kafka().createAdminClient()) {
            Awaitility.await().atMost(TIMEOUT).ignoreExceptions().until(() -> {
                admin.deleteConsumerGroupOffsets("connect-" + connector, Set.of(new TopicPartition(topic, 0)))
                        .all().get();
                return true;
            });
            assertThat(admin.listConsumerGroupOffsets("connect-" + connector).partitionsToOffsetAndMetadata().get())
                    .isEmpty();
        }
    }
}
