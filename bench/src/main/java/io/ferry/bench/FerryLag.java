package io.ferry.bench;

import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incremental scenario through Ferry: source (snapshot, then binlog) → Kafka → sink, running throughout.
 * The destination's {@code orders} gets one column the source lacks, {@code applied DATETIME(6) DEFAULT
 * NOW(6) ON UPDATE NOW(6)}: the destination server stamps each row when the sink writes it (the sink leaves
 * columns it has no value for to their default; its session is UTC like the writers'). Lag of a row =
 * {@code applied - changed}, both from this machine's clock, read after the pipeline caught up. Chosen over the
 * sink's JMX lag metric because it is the destination's own clock at the write, for every row, with nothing of
 * Ferry's in the measurement. It slightly understates: the row is visible at the batch's commit, a few ms
 * after the statement. Deleted rows leave nothing to measure; they count for convergence only.
 */
final class FerryLag {

    private static final Logger LOG = LoggerFactory.getLogger(FerryLag.class);
    static final String PIPELINE = "Ferry source → Kafka → Ferry sink";
    private static final String PREFIX = "lag";

    private final MySqlServer source;
    private final MySqlServer destination;
    private final ConnectCluster connect;
    private final Topics topics;
    private final MigrationTables tables;
    private final MigrationSettings settings;

    FerryLag(MySqlServer source, MySqlServer destination, ConnectCluster connect, Topics topics,
             MigrationTables tables, MigrationSettings settings) {
        this.source = source;
        this.destination = destination;
        this.connect = connect;
        this.topics = topics;
        this.tables = tables;
        this.settings = settings;
    }

    List<LagStep> run(ChangeWorkload workload) {
        tables.truncate(destination);
        destination.execute("ALTER TABLE " + tables.quoted(MigrationTables.ORDERS) + " ADD COLUMN applied"
                + " DATETIME(6) NOT NULL DEFAULT NOW(6) ON UPDATE NOW(6)");
        int tasks = settings.maxSourceTasks();
        int sinkTasks = settings.sinkTasks().stream().mapToInt(Integer::intValue).max().orElse(1);
        connect.deploy(PREFIX + "-source", MigrationConnectors.ferrySource(source, tables, PREFIX, tasks, "initial",
                settings.partitions()));
        connect.deploy(PREFIX + "-sink", MigrationConnectors.ferrySink(destination, tables, PREFIX, sinkTasks));
        List<LagStep> steps = new ArrayList<>();
        try {
            String copied = awaitConverged(settings.runTimeout(), tables.names());
            if (copied != null) {
                throw new IllegalStateException("The full copy before the incremental scenario did not converge: "
                        + copied);
            }
            LOG.info("Ferry pipeline streaming; offering {} rows/s for {} s each", settings.rates(),
                    settings.rateSeconds());
            for (int rate : settings.rates()) {
                String since = source.queryString("SELECT UTC_TIMESTAMP(6)");
                ChangeWorkload.Step step = workload.run(rate, Duration.ofSeconds(settings.rateSeconds()));
                // Only orders changes: checking only it keeps the checks' load on the servers small meanwhile.
                String failure = awaitConverged(Duration.ofMinutes(5), List.of(MigrationTables.ORDERS));
                LagStats lag = LagStats.of(lags(since));
                steps.add(new LagStep(PIPELINE, step, lag, failure));
                LOG.info("Ferry at {} rows/s offered, {} achieved: {}{}", rate, Math.round(step.achievedRate()), lag,
                        failure == null ? "" : " NOT CONVERGED: " + failure);
                if (failure != null) {
                    break; // the pipeline is behind: higher rates would only measure the backlog
                }
            }
        } finally {
            Connectors.remove(connect, PREFIX + "-sink");
            Connectors.remove(connect, PREFIX + "-source");
            topics.names().stream().filter(t -> t.startsWith(PREFIX + ".") || t.equals(PREFIX))
                    .forEach(topics::delete);
        }
        return steps;
    }

    /** Null once the tables have the source's rows over the source's columns; else what differs at the timeout. */
    private String awaitConverged(Duration timeout, List<String> names) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, TableDigest> expected = tables.digests(source, source, names);
            Map<String, TableDigest> actual = tables.digests(destination, source, names);
            if (expected.equals(actual)) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                return "destination " + actual + ", source " + expected;
            }
            Connectors.failIfATaskFailed(connect, PREFIX + "-source", "waiting for convergence");
            Connectors.failIfATaskFailed(connect, PREFIX + "-sink", "waiting for convergence");
            Connectors.sleepNanos(Connectors.STATUS_NANOS);
        }
    }

    /** Lag in microseconds of every row changed since {@code since} (UTC) and still there. */
    private long[] lags(String since) {
        try (Connection connection = destination.connect();
             PreparedStatement query = connection.prepareStatement("SELECT TIMESTAMPDIFF(MICROSECOND, changed,"
                     + " applied) FROM " + tables.quoted(MigrationTables.ORDERS) + " WHERE changed >= ?")) {
            query.setString(1, since);
            List<Long> lags = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lags.add(rows.getLong(1));
                }
            }
            return lags.stream().mapToLong(Long::longValue).toArray();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the lags: " + e.getMessage(), e);
        }
    }
}
