package io.ferry.sink.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.sink.MySqlSinkConfig;
import io.ferry.source.MySqlSourceConfig;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sink's rate limits ({@code max.rows.per.second}, {@code max.bytes.per.second}) as a user sees them: the
 * destination table has an extra column stamped by the server at insert time, and no one-second window may hold
 * more rows than the limit allows. The bound is an upper one, so a slow machine cannot make the test fail; an
 * unthrottled sink applied about 3,500 rows in its busiest second here on a loaded 2-core machine, well above it.
 */
class ThrottleIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int ROWS = 4_000;
    private static final int BATCH = 200;
    /** Bytes the sink counts for one row of the table below: 8 for the INT plus the 92 characters of {@code v}. */
    private static final int ROW_BYTES = 100;

    static Stream<Arguments> limits() {
        return Stream.of(Arguments.of(MySqlSinkConfig.MAX_ROWS_PER_SECOND_CONFIG, 500L, 500L, "rows_throttle"),
                Arguments.of(MySqlSinkConfig.MAX_BYTES_PER_SECOND_CONFIG, 500L * ROW_BYTES, 500L,
                        "bytes_throttle"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("limits")
    void noOneSecondHoldsMoreRowsThanTheLimitAllows(String key, long limit, long rowsPerSecond, String db) {
        SOURCE.createDatabase(db);
        SOURCE.execute("CREATE TABLE " + db + ".items (id INT PRIMARY KEY, v VARCHAR(100))",
                "INSERT INTO " + db + ".items SELECT seq, REPEAT('x', " + (ROW_BYTES - 8) + ") FROM "
                        + db + ".seq_1_to_" + ROWS);
        DESTINATION.createDatabase(db);
        DESTINATION.execute("CREATE TABLE " + db + ".items (id INT PRIMARY KEY, v VARCHAR(100),"
                + " applied_at DATETIME(6) NOT NULL DEFAULT NOW(6))");

        CONNECT.kafka().createTopic(db + "." + db + ".items");
        Map<String, String> source = Pipelines.source(SOURCE, db, db + "\\.items", 1);
        source.put(MySqlSourceConfig.SNAPSHOT_MODE_CONFIG, "initial_only");
        source.putAll(ConnectCluster.TOPIC_CREATION_DEFAULTS);
        CONNECT.deploy(db + "-source", source);

        Map<String, String> sink = Pipelines.sink(DESTINATION, db + "\\." + db + "\\.items", 1);
        sink.put(key, String.valueOf(limit));
        sink.put("consumer.override.max.poll.records", String.valueOf(BATCH));
        CONNECT.deploy(db + "-sink", sink);

        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                DESTINATION.queryString("SELECT COUNT(*) FROM " + db + ".items")).isEqualTo(String.valueOf(ROWS)));
        // A token bucket holds one second's budget, and a batch is paid for after its commit: so any window of
        // one second sees at most two seconds' budget plus one batch.
        long bound = 2 * rowsPerSecond + BATCH;
        assertThat(busiestSecond(db + ".items")).as("rows applied in the busiest second").isLessThanOrEqualTo(bound);
        CONNECT.delete(db + "-sink");
        CONNECT.delete(db + "-source");
    }

    /** The most rows whose {@code applied_at} falls in one window {@code [t, t + 1 s)} starting at a row. */
    private static long busiestSecond(String table) {
        return Long.parseLong(DESTINATION.queryString("SELECT MAX(n) FROM (SELECT (SELECT COUNT(*) FROM " + table
                + " b WHERE b.applied_at >= a.applied_at AND b.applied_at < a.applied_at + INTERVAL 1 SECOND) AS n"
                + " FROM (SELECT DISTINCT applied_at FROM " + table + ") a) w"));
    }
}
