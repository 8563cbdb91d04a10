package io.ferry.sink.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.source.MySqlSourceConfig;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ferry source → Kafka → Ferry sink while a workload writes to the source during the parallel snapshot: inserts,
 * updates, deletes, primary key changes, swaps of a secondary unique value, and changes to a table without a
 * key. Once the writes stop and the pipeline catches up, both tables must be identical (checksum over every
 * column of every row, not counts).
 */
class EndToEndIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).build();

    private static final String ACCOUNTS = "CREATE TABLE e2e.accounts (id BIGINT PRIMARY KEY,"
            + " email VARCHAR(64) NOT NULL UNIQUE, balance DECIMAL(20,4), note VARCHAR(200), updated DATETIME(6))";
    private static final String EVENTS = "CREATE TABLE e2e.events (k VARCHAR(20), v INT)";
    private static final String ACCOUNT_COLUMNS = "id, email, balance, note, updated";

    @Test
    void destinationEqualsSourceAfterASnapshotUnderConcurrentWrites() throws Exception {
        for (MySqlServer server : new MySqlServer[] {SOURCE, DESTINATION}) {
            server.createDatabase("e2e");
            server.execute(ACCOUNTS, EVENTS);
        }
        SOURCE.execute("INSERT INTO e2e.accounts SELECT seq, CONCAT('u', seq, '@x'), seq * 1.5, REPEAT('n', seq % 50),"
                + " '2024-01-01 00:00:00.123456' + INTERVAL seq SECOND FROM e2e.seq_1_to_4000",
                "INSERT INTO e2e.events SELECT CONCAT('k', seq % 40), seq % 7 FROM e2e.seq_1_to_500");

        Map<String, String> source = Pipelines.source(SOURCE, "e2e", "e2e\\.(accounts|events)", 2);
        source.put(MySqlSourceConfig.SNAPSHOT_CHUNK_SIZE_CONFIG, "300");
        source.putAll(ConnectCluster.TOPIC_CREATION_DEFAULTS);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger operations = new AtomicInteger();
        Thread writer = new Thread(() -> write(stop, operations), "e2e-writer");
        writer.start();
        CONNECT.deploy("e2e-source", source);
        CONNECT.kafka().createTopic("e2e.e2e.accounts");
        CONNECT.kafka().createTopic("e2e.e2e.events");
        CONNECT.deploy("e2e-sink", Pipelines.sink(DESTINATION, "e2e\\.e2e\\..*", 1));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> operations.get() >= 1500);
        stop.set(true);
        writer.join();

        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(TableChecksum.of(DESTINATION, "e2e.accounts", ACCOUNT_COLUMNS, "id"))
                    .isEqualTo(TableChecksum.of(SOURCE, "e2e.accounts", ACCOUNT_COLUMNS, "id"));
            assertThat(TableChecksum.of(DESTINATION, "e2e.events", "k, v", "k, v"))
                    .isEqualTo(TableChecksum.of(SOURCE, "e2e.events", "k, v", "k, v"));
        });
        assertThat(SOURCE.queryString("SELECT COUNT(*) FROM e2e.accounts WHERE id > 500000"))
                .as("the workload changed primary keys while the pipeline ran").isNotEqualTo("0");
        ObjectName metrics = new ObjectName("io.ferry:type=sink-task,connector=\"e2e-sink\",task=0");
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        assertThat((Long) jmx.getAttribute(metrics, "AppliedRecords")).isGreaterThan(4000);
        assertThat((Long) jmx.getAttribute(metrics, "Transactions")).isPositive();
        assertThat((Long) jmx.getAttribute(metrics, "LagMs")).isNotNegative();
        assertThat((Integer) jmx.getAttribute(metrics, "HeldPartitions")).isZero();
        CONNECT.delete("e2e-sink");
        CONNECT.delete("e2e-source");
    }

    /** Random writes until stopped: every kind of change the sink must apply, including unique-value swaps. */
    private static void write(AtomicBoolean stop, AtomicInteger operations) {
        Random random = new Random(42);
        long nextId = 10_000;
        try (Connection connection = SOURCE.connect(); Statement statement = connection.createStatement()) {
            while (!stop.get()) {
                long id = 1 + random.nextInt(4000);
                long other = 1 + random.nextInt(4000);
                switch (random.nextInt(7)) {
                    case 0 -> statement.execute("INSERT INTO e2e.accounts VALUES (" + nextId + ", 'new" + nextId
                            + "@x', 1, 'inserted', NOW(6))");
                    case 1 -> statement.execute("UPDATE e2e.accounts SET balance = balance + 1, updated = NOW(6)"
                            + " WHERE id = " + id);
                    case 2 -> statement.execute("DELETE FROM e2e.accounts WHERE id = " + id);
                    case 3 -> statement.execute("UPDATE e2e.accounts SET id = " + (nextId + 500_000)
                            + " WHERE id = " + id);
                    case 4 -> swapEmails(connection, statement, id, other);
                    case 5 -> statement.execute("INSERT INTO e2e.events VALUES ('w" + (nextId % 13) + "', "
                            + random.nextInt(5) + ")");
                    default -> statement.execute(random.nextBoolean()
                            ? "DELETE FROM e2e.events WHERE k = 'k" + random.nextInt(40) + "' LIMIT 1"
                            : "UPDATE e2e.events SET v = v + 10 WHERE k = 'k" + random.nextInt(40) + "' LIMIT 1");
                }
                nextId++;
                operations.incrementAndGet();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two rows exchange their unique emails in one transaction (through a temporary value). */
    private static void swapEmails(Connection connection, Statement statement, long a, long b) throws SQLException {
        String emailA = email(statement, a);
        String emailB = email(statement, b);
        if (a == b || emailA == null || emailB == null) {
            return;
        }
        connection.setAutoCommit(false);
        try {
            statement.execute("UPDATE e2e.accounts SET email = 'swapping' WHERE id = " + a);
            statement.execute("UPDATE e2e.accounts SET email = '" + emailA + "' WHERE id = " + b);
            statement.execute("UPDATE e2e.accounts SET email = '" + emailB + "' WHERE id = " + a);
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static String email(Statement statement, long id) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT email FROM e2e.accounts WHERE id = " + id)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
