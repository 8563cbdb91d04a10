package io.ferry.bench;

import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast Ferry's source connector snapshots one table with 1, 2 and 3 tasks, against the fastest plain JDBC
 * read of the same table in the same run (the read side's limit).
 *
 * <p>One MariaDB server, one KRaft broker and one Connect worker run on this machine, as in the integration
 * tests. After a warm-up (a JDBC scan of the table, and one Ferry snapshot of a small table per task count),
 * every scenario runs {@code repetitions} times, interleaved round by round so that drift in the machine's
 * load spreads over all scenarios. Prints a Markdown table to stdout and appends it to the results file.
 * Settings: {@link BenchSettings}.
 */
public final class SnapshotBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotBenchmark.class);
    private static final String DATABASE = "bench";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);

    private SnapshotBenchmark() {
    }

    public static void main(String[] args) {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Machine machine = Machine.describe();
        Properties versions = versions();
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        LOG.info("Snapshot benchmark: {}", settings);

        try (MySqlServer server = MySqlServer.forRole("bench").option("--innodb-buffer-pool-size=1G").build()) {
            server.start();
            server.createDatabase(DATABASE);
            BenchTable table = BenchTable.load(server, DATABASE, "items", settings.rows(), settings.dateTime());
            BenchTable warmUpTable = BenchTable.load(server, DATABASE, "warmup", settings.warmUpRows(),
                    settings.dateTime());
            JdbcScan jdbc = new JdbcScan(server, table, settings.fetchSize());

            try (ConnectCluster connect = ConnectCluster.builder().workers(1).build().start();
                 FerrySnapshot ferry = new FerrySnapshot(server, connect, settings.fetchSize(),
                         settings.connectorOverrides(), RUN_TIMEOUT)) {
                LOG.info("Warm-up: JDBC scans of {} and Ferry snapshots of {}", table.qualifiedName(),
                        warmUpTable.qualifiedName());
                settings.jdbcThreads().forEach(jdbc::run);
                for (int tasks : settings.taskCounts()) {
                    settings.converters().forEach(converter -> ferry.run(warmUpTable, tasks, converter));
                }

                Map<String, Scenario> scenarios = new LinkedHashMap<>();
                for (int round = 1; round <= settings.repetitions(); round++) {
                    LOG.info("Round {} of {}", round, settings.repetitions());
                    for (int threads : settings.jdbcThreads()) {
                        Run run = jdbc.run(threads);
                        LOG.info("JDBC scan, threads={}: {} rows/s", threads, Math.round(run.rowsPerSecond()));
                        scenarios.computeIfAbsent("JDBC scan, " + threads + (threads == 1 ? " thread" : " threads"),
                                name -> new Scenario(name, true)).add(run);
                    }
                    for (int tasks : settings.taskCounts()) {
                        for (JsonConverterChoice converter : settings.converters()) {
                            String name = "Ferry snapshot, tasks.max=" + tasks
                                    + (settings.converters().size() > 1 ? ", " + converter.label() : "");
                            scenarios.computeIfAbsent(name, n -> new Scenario(n, false))
                                    .add(ferry.run(table, tasks, converter));
                        }
                    }
                }

                List<String> context = context(settings, machine, versions, server, table);
                String markdown = ResultsReport.render("Snapshot throughput, " + started + " UTC", context,
                        new ArrayList<>(scenarios.values()), table.bytesPerRow());
                System.out.println();
                System.out.println(markdown);
                if (settings.resultsFile() != null) {
                    ResultsReport.append(settings.resultsFile(), markdown);
                    LOG.info("Appended to {}", settings.resultsFile());
                }
            }
        }
    }

    private static List<String> context(BenchSettings settings, Machine machine, Properties versions,
                                        MySqlServer server, BenchTable table) {
        return List.of(
                String.format(Locale.ROOT, "machine: %d cores (%s), %s RAM, %s; 1-minute load average %s at"
                        + " the start, %s at the end (the machine is shared)", machine.cores(), machine.cpu(),
                        machine.memory(), machine.os(), machine.loadAverage(), Machine.currentLoadAverage()),
                "versions: Ferry " + versions.getProperty("ferry.version") + " (commit " + settings.commit()
                        + "), " + machine.java() + ", Kafka " + versions.getProperty("kafka.version")
                        + ", MariaDB " + server.version() + ", Connector/J "
                        + versions.getProperty("connector-j.version"),
                String.format(Locale.ROOT, "table: %,d rows, %.0f bytes per row as text (BIGINT key, VARCHAR(64),"
                        + " DECIMAL(12,2), %s, JSON of ~190 bytes); innodb_buffer_pool_size=1G, table in memory",
                        table.rows(), table.bytesPerRow(), table.withDateTime() ? "DATETIME(6)"
                                : "BIGINT instead of DATETIME(6) (Ferry's snapshot fails on temporal columns read"
                                + " through a cursor)"),
                "setup: one MariaDB, one KRaft broker and one Connect worker (JSON converter with schemas) on this"
                        + " machine; snapshot.mode=initial_only, snapshot.fetch.size=" + settings.fetchSize()
                        + (settings.connectorOverrides().isEmpty() ? ", other connector settings default"
                                : ", " + settings.connectorOverrides()) + "; topic with 1 partition",
                "method: " + settings.repetitions() + " timed runs per scenario after a warm-up, interleaved by"
                        + " round; Ferry timed from the connector's deploy until the topic's end offset reaches the"
                        + " row count; JDBC = SELECT of all columns with useCursorFetch=true split by key range,"
                        + " getObject per column; MB/s = rows/s x bytes per row as text; ratio = Ferry median /"
                        + " best JDBC median");
    }

    static Properties versions() {
        Properties properties = new Properties();
        try (InputStream in = SnapshotBenchmark.class.getResourceAsStream("bench.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
