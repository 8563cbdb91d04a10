package io.ferry.bench;

import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three comparisons in one run, on the same data and servers: (1) a full migration of three tables
 * by Ferry end to end, a direct JDBC copy (the physical limit), {@code mariadb-dump | mariadb} and Debezium's
 * MariaDB connector (into Kafka, and into Ferry's sink); (2) end-to-end lag of a change workload at fixed
 * offered rates, through Ferry and through Debezium into Kafka; (3) the worker JVM's peak heap and RSS during
 * (1). Prints a Markdown report to stdout and appends it to the results file. Settings:
 * {@link MigrationSettings}.
 *
 * <p>Debezium runs from an isolated {@code plugin.path} directory that the bench build fills
 * ({@code bench/target/debezium-plugin}, property {@code ferry.bench.debezium.plugin.path}): it needs its own,
 * older {@code debezium-ddl-parser} than Ferry's. Without it, the Debezium scenarios are left out and the report
 * says so.
 */
public final class MigrationBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationBenchmark.class);
    private static final String DATABASE = "bench";

    private MigrationBenchmark() {
    }

    public static void main(String[] args) {
        MigrationSettings settings = MigrationSettings.fromSystemProperties();
        Machine machine = Machine.describe();
        Properties versions = SnapshotBenchmark.versions();
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        Path pluginPath = Path.of(System.getProperty("ferry.bench.debezium.plugin.path",
                "bench/target/debezium-plugin"));
        LOG.info("Migration benchmark: {}", settings);

        try (MySqlServer source = MySqlServer.forRole("migration-source").option("--innodb-buffer-pool-size=1G")
                .build();
             MySqlServer destination = MySqlServer.forRole("migration-destination")
                     .option("--innodb-buffer-pool-size=1G").build()) {
            source.start();
            destination.start();
            source.createDatabase(DATABASE);
            destination.createDatabase(DATABASE);
            MigrationTables tables = MigrationTables.create(source, destination, DATABASE, settings.rows());

            ConnectCluster.Builder cluster = ConnectCluster.builder().workers(1);
            if (Files.isDirectory(pluginPath)) {
                cluster.pluginPath(pluginPath);
            }
            try (ConnectCluster connect = cluster.build().start();
                 Topics topics = new Topics(connect.bootstrapServers());
                 DestinationProgress progress = new DestinationProgress(destination);
                 Footprint footprint = new Footprint()) {
                boolean withDebezium = connect.connectorPluginClasses().contains(MigrationConnectors.DEBEZIUM_CLASS);
                if (!withDebezium) {
                    LOG.warn("Debezium's connector is not in {}: its scenarios are left out", pluginPath);
                }
                List<MigrationScenario> full = new ArrayList<>();
                if (settings.runs("full")) {
                    PipelineRun pipeline = new PipelineRun(connect, topics, progress, tables, settings.runTimeout());
                    full.addAll(new FullMigration(source, destination, connect, pipeline, tables, settings, footprint,
                            withDebezium).run());
                }
                List<LagStep> lag = new ArrayList<>();
                if (settings.runs("incremental")) {
                    ChangeWorkload workload = new ChangeWorkload(source, tables, settings.writers());
                    lag.addAll(new FerryLag(source, destination, connect, topics, tables, settings).run(workload));
                    if (withDebezium) {
                        lag.addAll(new DebeziumLag(source, connect, topics, tables, settings).run(workload));
                    }
                }
                String markdown = MigrationReport.render("Full migration, lag and footprint, " + started + " UTC",
                        context(settings, machine, versions, source, tables, withDebezium), full, lag,
                        tables.bytesPerRow());
                System.out.println();
                System.out.println(markdown);
                if (settings.resultsFile() != null) {
                    ResultsReport.append(settings.resultsFile(), markdown);
                    LOG.info("Appended to {}", settings.resultsFile());
                }
            }
        }
    }

    private static List<String> context(MigrationSettings settings, Machine machine, Properties versions,
                                        MySqlServer source, MigrationTables tables, boolean withDebezium) {
        return List.of(
                String.format(Locale.ROOT, "machine: %d cores (%s), %s RAM, %s; 1-minute load average %s at"
                        + " the start, %s at the end", machine.cores(), machine.cpu(), machine.memory(), machine.os(),
                        machine.loadAverage(), Machine.currentLoadAverage()),
                "versions: Ferry " + versions.getProperty("ferry.version") + " (commit " + settings.commit()
                        + "), " + machine.java() + ", Kafka " + versions.getProperty("kafka.version")
                        + ", MariaDB " + source.version() + " (server and mariadb-dump), Connector/J "
                        + versions.getProperty("connector-j.version") + ", Debezium MariaDB connector "
                        + (withDebezium ? versions.getProperty("debezium.version") : "not loaded (left out)"),
                String.format(Locale.ROOT, "tables: %s rows (%,d in all), %.0f bytes per row as text on average;"
                        + " orders INT key, VARCHAR, DECIMAL(12,2), 2 x DATETIME(6), JSON; customers BIGINT key,"
                        + " 2 x VARCHAR, DECIMAL(14,4), DATETIME(6), JSON; notes BIGINT key, VARCHAR, TEXT of 1 KB,"
                        + " DATETIME(6); innodb_buffer_pool_size=1G on both servers", tables.rows(),
                        tables.totalRows(), tables.bytesPerRow()),
                "setup: source and destination MariaDB, one KRaft broker and one Connect worker in this JVM (JSON"
                        + " converter with schemas), topics with " + settings.partitions() + " partitions; both"
                        + " source connectors get " + MigrationConnectors.SOURCE_TUNING + "; Ferry's source writes"
                        + " with its StreamingJsonConverter (the same bytes as Kafka's), Debezium with Kafka's"
                        + " JsonConverter; Ferry's sink (for"
                        + " Ferry's and Debezium's topics) as ferry migrate deploys it: its defaults, the same JSON"
                        + " read with its StreamingJsonConverter, and"
                        + " consumer.override.max.poll.records=" + MigrationConnectors.SINK_MAX_POLL_RECORDS
                        + "; no TLS on any connection (loopback)",
                "method: " + settings.warmUpRounds() + " untimed warm-up round(s) of the largest scenario of each"
                        + " kind that runs in this JVM (Ferry, JDBC copy, Debezium → Kafka), then "
                        + settings.repetitions() + " rounds of every scenario; each run starts"
                        + " from emptied destination tables and is timed"
                        + " from the start (connector deploy, first query, process start) to all rows applied (the"
                        + " sink's offsets in the destination reach the topics' ends) or, for Debezium → Kafka, to"
                        + " all records in Kafka; every destination is checked (count and CRC32 of every column)"
                        + " after the run; a run that did not converge in " + settings.runTimeout().toMinutes()
                        + " min counts as failed, not timed; MB/s = rows/s x bytes per row as text",
                "footprint: peak heap in use and peak RSS of this JVM (broker, Connect worker and benchmark"
                        + " together; MariaDB not included), sampled every 100 ms during each run",
                "incremental: " + settings.writers() + " writers on orders, 50% UPDATE / 25% INSERT / 25% DELETE,"
                        + " autocommit, " + settings.rateSeconds() + " s per offered rate; lag = destination"
                        + " `applied` (DEFAULT NOW(6) ON UPDATE NOW(6), a destination-only column) minus the source"
                        + " row's `changed` (NOW(6) at the write) for Ferry; Kafka LogAppendTime minus `changed` for"
                        + " Debezium (into Kafka only); deletes not measured");
    }
}
