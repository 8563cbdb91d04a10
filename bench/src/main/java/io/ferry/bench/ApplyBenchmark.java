package io.ferry.bench;

import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast Ferry's sink connector applies a snapshot topic to an empty table and an update stream to a full
 * one, with 1 and 2 tasks and small and large put() batches, against a plain JDBC copy of the same rows in the
 * same run (multi-row INSERTs, batched UPDATEs; the write side's practical limit).
 *
 * <p>Two MariaDB servers (source and destination), one KRaft broker and one Connect worker on this machine. The
 * topics are made once ({@link ApplyTopics}); then, round by round, every sink variant applies the snapshot
 * topic to the emptied destination table and right after the update stream to the table it just filled, and
 * the JDBC baseline does the same; after each run the destination table is checked against the source's
 * (count and checksum). Prints a Markdown table to stdout and appends it to the results file. Settings:
 * {@link ApplySettings}.
 */
public final class ApplyBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(ApplyBenchmark.class);
    private static final String DATABASE = "bench";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);
    private static final int WARM_UP_ROWS = 25_000;

    private ApplyBenchmark() {
    }

    public static void main(String[] args) {
        ApplySettings settings = ApplySettings.fromSystemProperties();
        Machine machine = Machine.describe();
        Properties versions = SnapshotBenchmark.versions();
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        LOG.info("Apply benchmark: {}", settings);

        try (MySqlServer source = MySqlServer.forRole("apply-source").option("--innodb-buffer-pool-size=1G").build();
             MySqlServer destination = MySqlServer.forRole("apply-destination")
                     .option("--innodb-buffer-pool-size=1G").build()) {
            source.start();
            destination.start();
            source.createDatabase(DATABASE);
            destination.createDatabase(DATABASE);
            BenchTable table = BenchTable.load(source, DATABASE, "items", settings.rows(), true);
            BenchTable warmUpTable = BenchTable.load(source, DATABASE, "warmup",
                    Math.min(WARM_UP_ROWS, settings.rows()), true);
            copySchema(source, destination, table.table(), warmUpTable.table());
            UpdateWorkload workload = new UpdateWorkload(source, table, settings.updates(), settings.deletes());
            JdbcApply.keepSnapshotImage(source, table);
            TableDigest snapshotDigest = TableDigest.of(source, DATABASE, JdbcApply.BEFORE);

            try (ConnectCluster connect = ConnectCluster.builder().workers(1).build().start();
                 Topics topics = new Topics(connect.bootstrapServers());
                 DestinationProgress progress = new DestinationProgress(destination)) {
                ApplyTopics input = ApplyTopics.prepare(source, connect, topics, table, warmUpTable, workload,
                        settings.partitions());
                JdbcApply.keepUpdatedImages(source, table, workload);
                TableDigest streamDigest = TableDigest.of(source, DATABASE, table.table());
                Rounds rounds = new Rounds(settings, destination, table,
                        new FerryApply(destination, connect, progress, settings.sinkOverrides(), RUN_TIMEOUT),
                        new JdbcApply(source, destination, table, workload, settings.jdbcBatch()),
                        snapshotDigest, streamDigest);
                rounds.warmUp(input, warmUpTable);
                for (int round = 1; round <= settings.repetitions(); round++) {
                    LOG.info("Round {} of {}", round, settings.repetitions());
                    rounds.run(input);
                }

                String markdown = ApplyReport.render("Apply throughput, " + started + " UTC",
                        context(settings, machine, versions, destination, table, input, workload),
                        List.of(new ApplyReport.Section(String.format(Locale.ROOT,
                                        "Snapshot topic into an empty table (%,d rows)", table.rows()),
                                        rounds.snapshotScenarios()),
                                new ApplyReport.Section(String.format(Locale.ROOT, "Update stream into the full table"
                                        + " (%,d updates, %,d deletes, %,d inserts)", workload.updates(),
                                        workload.deletes(), workload.deletes()), rounds.streamScenarios())),
                        table.bytesPerRow());
                System.out.println();
                System.out.println(markdown);
                if (settings.resultsFile() != null) {
                    ResultsReport.append(settings.resultsFile(), markdown);
                    LOG.info("Appended to {}", settings.resultsFile());
                }
            }
        }
    }

    /** Creates the tables in the destination as they are in the source (the schema migrator's job, later). */
    private static void copySchema(MySqlServer source, MySqlServer destination, String... tables) {
        for (String table : tables) {
            String ddl = source.queryRows("SHOW CREATE TABLE `" + DATABASE + "`.`" + table + "`").get(0).get(1);
            destination.execute("USE `" + DATABASE + "`", ddl);
        }
    }

    /** The scenarios of one run and the order they run in each round. */
    private static final class Rounds {
        private final ApplySettings settings;
        private final MySqlServer destination;
        private final BenchTable table;
        private final FerryApply ferry;
        private final JdbcApply jdbc;
        private final TableDigest snapshotDigest;
        private final TableDigest streamDigest;
        private final Map<String, Scenario> snapshot = new LinkedHashMap<>();
        private final Map<String, Scenario> stream = new LinkedHashMap<>();

        Rounds(ApplySettings settings, MySqlServer destination, BenchTable table, FerryApply ferry, JdbcApply jdbc,
               TableDigest snapshotDigest, TableDigest streamDigest) {
            this.settings = settings;
            this.destination = destination;
            this.table = table;
            this.ferry = ferry;
            this.jdbc = jdbc;
            this.snapshotDigest = snapshotDigest;
            this.streamDigest = streamDigest;
        }

        /** Loads every code path and the JIT, and the destination's buffer pool, before anything is timed. */
        void warmUp(ApplyTopics input, BenchTable warmUpTable) {
            LOG.info("Warm-up: Ferry applies {} with each task count, JDBC copies and updates {}",
                    warmUpTable.qualifiedName(), table.qualifiedName());
            for (int tasks : settings.taskCounts()) {
                for (JsonConverterChoice converter : settings.converters()) {
                    destination.execute("TRUNCATE TABLE " + warmUpTable.quotedName());
                    ferry.run(input.warmUp(), tasks, settings.maxPollRecords().get(0), converter);
                }
            }
            int threads = settings.jdbcThreads().get(settings.jdbcThreads().size() - 1);
            destination.execute("TRUNCATE TABLE " + table.quotedName());
            jdbc.copy(threads);
            jdbc.update(threads);
        }

        /** One round: each sink variant and each baseline, the snapshot then the stream. */
        void run(ApplyTopics input) {
            for (int tasks : settings.taskCounts()) {
                for (int maxPoll : settings.maxPollRecords()) {
                    // Alternated within the round, so that a converter comparison sees the same machine load.
                    for (JsonConverterChoice converter : settings.converters()) {
                        String name = String.format(Locale.ROOT, "Ferry sink, tasks.max=%d, max.poll.records=%d%s",
                                tasks, maxPoll, settings.converters().size() > 1 ? ", " + converter.label() : "");
                        measure(snapshot, name, false, true,
                                () -> ferry.run(input.snapshot(), tasks, maxPoll, converter));
                        measure(stream, name, false, false,
                                () -> ferry.run(input.stream(), tasks, maxPoll, converter));
                    }
                }
            }
            for (int threads : settings.jdbcThreads()) {
                String suffix = String.format(Locale.ROOT, "%d thread%s, %d rows per batch", threads,
                        threads == 1 ? "" : "s", settings.jdbcBatch());
                measure(snapshot, "JDBC multi-row INSERT, " + suffix, true, true, () -> jdbc.copy(threads));
                measure(stream, "JDBC batched UPDATE/DELETE/INSERT, " + suffix, true, false,
                        () -> jdbc.update(threads));
            }
        }

        private void measure(Map<String, Scenario> scenarios, String name, boolean baseline, boolean fromEmpty,
                             Supplier<Run> run) {
            if (fromEmpty) {
                destination.execute("TRUNCATE TABLE " + table.quotedName());
            }
            Run result = run.get();
            LOG.info("{} ({}): {} rows/s", name, fromEmpty ? "snapshot" : "stream",
                    Math.round(result.rowsPerSecond()));
            (fromEmpty ? snapshotDigest : streamDigest).check(TableDigest.of(destination, table.database(),
                    table.table()), name);
            scenarios.computeIfAbsent(name, n -> new Scenario(n, baseline)).add(result);
        }

        List<Scenario> snapshotScenarios() {
            return new ArrayList<>(snapshot.values());
        }

        List<Scenario> streamScenarios() {
            return new ArrayList<>(stream.values());
        }
    }

    private static List<String> context(ApplySettings settings, Machine machine, Properties versions,
                                        MySqlServer destination, BenchTable table, ApplyTopics input,
                                        UpdateWorkload workload) {
        return List.of(
                String.format(Locale.ROOT, "machine: %d cores (%s), %s RAM, %s; 1-minute load average %s at"
                        + " the start, %s at the end (the machine is shared)", machine.cores(), machine.cpu(),
                        machine.memory(), machine.os(), machine.loadAverage(), Machine.currentLoadAverage()),
                "versions: Ferry " + versions.getProperty("ferry.version") + " (commit " + settings.commit()
                        + "), " + machine.java() + ", Kafka " + versions.getProperty("kafka.version")
                        + ", MariaDB " + destination.version() + ", Connector/J "
                        + versions.getProperty("connector-j.version"),
                String.format(Locale.ROOT, "table: %,d rows, %.0f bytes per row as text (BIGINT key, VARCHAR(64),"
                        + " DECIMAL(12,2), DATETIME(6), JSON of ~190 bytes), the snapshot benchmark's;"
                        + " innodb_buffer_pool_size=1G on both servers", table.rows(), table.bytesPerRow()),
                String.format(Locale.ROOT, "input, made once by Ferry's source connector (JSON converter with"
                        + " schemas): snapshot topic %,d records (%,.0f bytes each in Kafka), update stream %,d"
                        + " records (%,d op=u in transactions of %d, %,d op=d, %,d op=c; %,.0f bytes each), both"
                        + " with %d partitions, records spread by key hash", input.snapshot().records(),
                        (double) input.snapshotBytes() / input.snapshot().records(), input.stream().records(),
                        workload.updates(), UpdateWorkload.TRANSACTION, workload.deletes(), workload.deletes(),
                        (double) input.streamBytes() / Math.max(1, input.stream().records()), settings.partitions()),
                "sink: one Connect worker, defaults (batch.max.rows=1000; snapshot: keep-destination, i.e. multi-row"
                        + " INSERT; stream: overwrite, i.e. DELETE by key then multi-row INSERT; offsets in the"
                        + " destination in the same transaction)" + (settings.sinkOverrides().isEmpty() ? ""
                                : ", and " + settings.sinkOverrides())
                        + "; consumer.override.max.poll.records as named (one put() = one transaction), with"
                        + " consumer.override.max.partition.fetch.bytes = max(1 MiB, max.poll.records x 4 KiB) so"
                        + " that one fetch can fill a poll",
                "method: " + settings.repetitions() + " timed runs per scenario after a warm-up (a 25,000-row"
                        + " topic per task count; a JDBC copy and update), interleaved by round; each snapshot run"
                        + " starts from an emptied table and is followed by the stream run on the table it filled;"
                        + " Ferry timed from the connector's deploy until the offsets it committed in the"
                        + " destination reach the topic's end offsets; first commit = first offsets row; rows per"
                        + " transaction = records / change of Com_commit on the destination; JDBC = streaming SELECT"
                        + " from the source, batches of " + settings.jdbcBatch() + " rows, one transaction each,"
                        + " rewriteBatchedStatements=true; after every run the destination table's count and"
                        + " checksum are checked against the source; MB/s = rows/s x bytes per row as text");
    }
}
