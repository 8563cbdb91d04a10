package io.ferry.bench;

import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario 1: the three tables from the source into the emptied destination by every contender, round by round
 * (so that drift in the machine's load spreads over all of them), after untimed warm-up rounds. After each run
 * that writes the destination, its tables must match the source's (count and checksum): a run that does not
 * converge, fails or leaves other rows is counted as failed, not timed. The footprint is sampled in every run.
 */
final class FullMigration {

    private static final Logger LOG = LoggerFactory.getLogger(FullMigration.class);

    /** One contender: how to run it once (given a fresh topic prefix), and whether it fills the destination. */
    private record Contender(MigrationScenario scenario, boolean fillsDestination, Function<String, Run> run) {
    }

    private final MySqlServer source;
    private final MySqlServer destination;
    private final ConnectCluster connect;
    private final MigrationTables tables;
    private final MigrationSettings settings;
    private final PipelineRun pipeline;
    private final Footprint footprint;
    private final boolean withDebezium;
    private final Map<String, TableDigest> expected;
    private int serial;

    FullMigration(MySqlServer source, MySqlServer destination, ConnectCluster connect, PipelineRun pipeline,
                  MigrationTables tables, MigrationSettings settings, Footprint footprint, boolean withDebezium) {
        this.source = source;
        this.destination = destination;
        this.connect = connect;
        this.pipeline = pipeline;
        this.tables = tables;
        this.settings = settings;
        this.footprint = footprint;
        this.withDebezium = withDebezium;
        this.expected = tables.digests(source, source);
    }

    List<MigrationScenario> run() {
        List<Contender> contenders = contenders();
        for (int round = 1; round <= settings.warmUpRounds(); round++) {
            LOG.info("Warm-up round {} of {}", round, settings.warmUpRounds());
            warmUp(contenders).forEach(c -> measure(c, false));
        }
        for (int round = 1; round <= settings.repetitions(); round++) {
            LOG.info("Round {} of {}", round, settings.repetitions());
            contenders.forEach(c -> measure(c, true));
        }
        return contenders.stream().map(Contender::scenario).toList();
    }

    /**
     * The last (largest) contender of every kind whose code runs in this JVM, which the JIT must have compiled
     * before timing starts: Ferry end to end, the JDBC copy, Debezium into Kafka. Left out: the dump (its own
     * processes, and servers that every other run warms) and Debezium into Ferry's sink (the code of both halves
     * is warmed by the others).
     */
    private static List<Contender> warmUp(List<Contender> contenders) {
        Map<MigrationScenario.Kind, Contender> largest = new LinkedHashMap<>();
        contenders.forEach(c -> largest.put(c.scenario().kind(), c));
        largest.remove(MigrationScenario.Kind.DUMP);
        if (largest.containsKey(MigrationScenario.Kind.DEBEZIUM_TO_KAFKA)) {
            largest.remove(MigrationScenario.Kind.DEBEZIUM_TO_FERRY);
        }
        return List.copyOf(largest.values());
    }

    private List<Contender> contenders() {
        List<Contender> list = new ArrayList<>();
        int partitions = settings.partitions();
        for (int[] tasks : settings.ferryTaskCombinations()) {
            int sourceTasks = tasks[0];
            int sinkTasks = tasks[1];
            list.add(new Contender(new MigrationScenario("Ferry, source tasks.max=" + sourceTasks
                    + ", sink tasks.max=" + sinkTasks, MigrationScenario.Kind.FERRY), true,
                    prefix -> pipeline.run(prefix, MigrationConnectors.ferrySource(source, tables, prefix,
                                    sourceTasks, "initial_only", partitions),
                            MigrationConnectors.ferrySink(destination, tables, prefix, sinkTasks))));
        }
        JdbcCopy jdbc = new JdbcCopy(source, destination, tables);
        for (int threads : settings.jdbcThreads()) {
            list.add(new Contender(new MigrationScenario("Direct JDBC copy, " + threads + " thread"
                    + (threads == 1 ? "" : "s"), MigrationScenario.Kind.JDBC_LIMIT), true,
                    prefix -> jdbc.copy(threads)));
        }
        DumpLoad dump = new DumpLoad(source, destination, tables);
        list.add(new Contender(new MigrationScenario("mariadb-dump | mariadb", MigrationScenario.Kind.DUMP), true,
                prefix -> dump.copy()));
        if (withDebezium) {
            for (int threads : settings.debeziumThreads()) {
                list.add(new Contender(new MigrationScenario("Debezium → Kafka, snapshot.max.threads=" + threads,
                        MigrationScenario.Kind.DEBEZIUM_TO_KAFKA), false,
                        prefix -> pipeline.run(prefix, debezium(prefix, threads), null)));
            }
            int threads = settings.maxDebeziumThreads();
            for (int sinkTasks : settings.debeziumSinkTasks()) {
                list.add(new Contender(new MigrationScenario("Debezium (snapshot.max.threads=" + threads
                        + ") → Ferry sink, sink tasks.max=" + sinkTasks, MigrationScenario.Kind.DEBEZIUM_TO_FERRY),
                        true, prefix -> pipeline.run(prefix, debezium(prefix, threads),
                                MigrationConnectors.ferrySink(destination, tables, prefix, sinkTasks))));
            }
        }
        return list;
    }

    private Map<String, String> debezium(String prefix, int threads) {
        return MigrationConnectors.debezium(source, connect, tables, prefix, threads, "initial_only",
                settings.partitions());
    }

    private void measure(Contender contender, boolean timed) {
        String name = contender.scenario().name();
        tables.truncate(destination);
        String prefix = "run" + (++serial);
        footprint.start();
        try {
            Run run = contender.run().apply(prefix);
            Footprint.Peak peak = footprint.stop();
            if (contender.fillsDestination()) {
                Map<String, TableDigest> actual = tables.digests(destination, source);
                if (!expected.equals(actual)) {
                    throw new IllegalStateException(name + " left " + actual + ", expected " + expected);
                }
            }
            LOG.info("{}{}: {} rows/s, peak heap {} MiB, peak RSS {} MiB", timed ? "" : "(warm-up) ", name,
                    Math.round(run.rowsPerSecond()), peak.heapBytes() >> 20, peak.rssBytes() >> 20);
            if (timed) {
                contender.scenario().add(run, peak);
            }
        } catch (RuntimeException e) { // a contender that fails is reported as failed; the others still run
            footprint.stop();
            LOG.warn("{} ({}) failed: {}", name, prefix, e.getMessage());
            if (timed) {
                contender.scenario().fail(e.getMessage());
            }
        }
    }
}
