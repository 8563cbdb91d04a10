package io.ferry.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.source.MySqlSourceConfig;
import io.ferry.testkit.connect.ChangeTopic;
import io.ferry.testkit.connect.ChangeTopic.Event;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failover by GTID: a connector streams from a primary, is stopped in the middle of a transaction, and is
 * resumed (same name, same offsets) against a replica whose binlog files and positions differ from the
 * primary's. Every change must arrive exactly once and in order.
 */
class GtidFailoverIT {

    @RegisterExtension
    static final MySqlServer PRIMARY = MySqlServer.forRole("primary").serverId(101).build();

    @RegisterExtension
    static final MySqlServer REPLICA = MySqlServer.forRole("replica").serverId(102)
            .option("--log-slave-updates=ON").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int BIG_TX_ROWS = 1000;

    @Test
    void aStoppedConnectorResumesOnTheReplicaByGtidWithEveryChangeOnce() {
        replicate();
        PRIMARY.createDatabase("fo");
        PRIMARY.execute("CREATE TABLE fo.t (id INT PRIMARY KEY, v INT)",
                "INSERT INTO fo.t VALUES (1, 0), (2, 0), (3, 0)");
        Map<String, String> config = SourceConnectors.config(PRIMARY, "fo", "fo\\.t", 1);
        // Slow enough that the connector can be stopped in the middle of the big transaction.
        config.put(MySqlSourceConfig.MAX_ROWS_PER_SECOND_CONFIG, "200");
        config.put(MySqlSourceConfig.MAX_BATCH_SIZE_CONFIG, "20");
        CONNECT.deploy("fo", config);
        ChangeTopic topic = new ChangeTopic(CONNECT, "fo.fo.t");
        topic.await(e -> e.size() >= 3, TIMEOUT);
        assertThat(stripeOffset().get("gtids")).as("a stripe's final position carries its GTID set")
                .isNotNull().asString().matches("0-101-\\d+");

        for (int i = 4; i <= 10; i++) {
            PRIMARY.execute("INSERT INTO fo.t VALUES (" + i + ", 0)");
        }
        PRIMARY.execute("INSERT INTO fo.t SELECT seq, 0 FROM fo.seq_11_to_" + (10 + BIG_TX_ROWS));
        topic.await(e -> e.size() >= 10 + BIG_TX_ROWS / 4, TIMEOUT);
        CONNECT.embedded().stopConnector("fo");
        Map<String, Object> stopped = streamOffset();
        assertThat(((Number) stopped.get("row_events")).intValue() + ((Number) stopped.get("rows")).intValue())
                .as("stopped inside the big transaction: %s", stopped).isPositive();

        PRIMARY.execute("INSERT INTO fo.t VALUES (2001, 0)", "UPDATE fo.t SET v = 1 WHERE id = 2",
                "DELETE FROM fo.t WHERE id = 3");
        awaitReplicaCaughtUp();
        // Different file names and positions on the replica; not logged, so the replica adds no GTID of its own.
        REPLICA.execute("FLUSH NO_WRITE_TO_BINLOG BINARY LOGS", "FLUSH NO_WRITE_TO_BINLOG BINARY LOGS");
        String replicaFile = REPLICA.queryRows("SHOW MASTER STATUS").get(0).get(0);
        assertThat(replicaFile).isNotEqualTo(PRIMARY.queryRows("SHOW MASTER STATUS").get(0).get(0));

        CONNECT.deploy("fo", SourceConnectors.config(REPLICA, "fo", "fo\\.t", 1));
        CONNECT.embedded().resumeConnector("fo");
        PRIMARY.execute("INSERT INTO fo.t VALUES (2002, 0)");

        List<Event> events = topic.await(e -> e.stream().anyMatch(x -> x.after() != null
                && x.after().get("id").asInt() == 2002), TIMEOUT);
        List<String> seen = events.stream().map(GtidFailoverIT::describe).toList();
        List<String> want = new ArrayList<>();
        IntStream.rangeClosed(1, 3).forEach(i -> want.add("r" + i));
        IntStream.rangeClosed(4, 10 + BIG_TX_ROWS).forEach(i -> want.add("c" + i));
        want.addAll(List.of("c2001", "u2", "d3", "tombstone3", "c2002"));
        assertThat(seen).containsExactlyElementsOf(want);
        assertThat(events.get(events.size() - 1).value().get("source").get("file").asText())
                .as("the last change was read from the replica").isEqualTo(replicaFile);
        CONNECT.delete("fo");
    }

    /** The replica follows the primary by GTID from the primary's current position, with a fresh binlog. */
    private static void replicate() {
        String from = PRIMARY.queryString("SELECT @@global.gtid_binlog_pos");
        REPLICA.execute("STOP SLAVE", "RESET MASTER", "SET GLOBAL gtid_slave_pos = '" + from + "'",
                "CHANGE MASTER TO MASTER_HOST = '" + PRIMARY.host() + "', MASTER_PORT = " + PRIMARY.port()
                        + ", MASTER_USER = '" + PRIMARY.user() + "', MASTER_PASSWORD = '" + PRIMARY.password()
                        + "', MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1"
                        // MariaDB 11.4 verifies the primary's certificate by default; the test server's is self-signed.
                        + ", MASTER_SSL_VERIFY_SERVER_CERT = 0",
                "START SLAVE");
    }

    private static void awaitReplicaCaughtUp() {
        try {
            Awaitility.await("the replica has the primary's transactions").atMost(TIMEOUT).until(() ->
                    PRIMARY.queryString("SELECT @@global.gtid_binlog_pos")
                            .equals(REPLICA.queryString("SELECT @@global.gtid_binlog_pos")));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The replica did not catch up: " + REPLICA.queryRows("SHOW SLAVE STATUS"), e);
        }
    }

    private static String describe(Event event) {
        return event.value() == null ? "tombstone" + event.key().get("id").asInt()
                : event.op() + (event.after() != null ? event.after() : event.before()).get("id").asInt();
    }

    private static Map<String, Object> streamOffset() {
        return CONNECT.offsets("fo").stream().filter(o -> !o.get("partition").containsKey("table"))
                .map(o -> o.get("offset")).filter(o -> o != null).findFirst().orElseThrow();
    }

    private static Map<String, Object> stripeOffset() {
        return Awaitility.await("a finished stripe").atMost(TIMEOUT).ignoreExceptions().until(() ->
                CONNECT.offsets("fo").stream().filter(o -> o.get("partition").containsKey("table"))
                        .map(o -> o.get("offset")).filter(o -> o != null && Boolean.TRUE.equals(o.get("done")))
                        .findFirst(), Optional::isPresent).orElseThrow();
    }
}
