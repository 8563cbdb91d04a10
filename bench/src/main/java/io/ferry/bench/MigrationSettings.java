package io.ferry.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one migration benchmark run does, from system properties (bench/run-migration passes them through):
 * <ul>
 *   <li>{@code ferry.bench.rows} rows of the three tables together (1,000,000: half orders, 30% customers, 20%
 *       notes);</li>
 *   <li>{@code ferry.bench.repetitions} timed repetitions of every full-migration scenario (3);</li>
 *   <li>{@code ferry.bench.warmup} untimed rounds before the timed ones, each running the largest scenario of
 *       every kind whose code runs in this JVM once: Ferry end to end, the JDBC copy, Debezium into Kafka (1);</li>
 *   <li>{@code ferry.bench.source.tasks} Ferry source {@code tasks.max} values ("1,2");</li>
 *   <li>{@code ferry.bench.debezium.threads} Debezium's {@code snapshot.max.threads} values into Kafka; the largest
 *       one feeds Ferry's sink ("1": in the first full run a second snapshot thread made Debezium slower on this
 *       2-core machine, 15k against 22k rows/s, so by default it gets its better setting);</li>
 *   <li>{@code ferry.bench.sink.tasks} Ferry sink {@code tasks.max} values ("1,2");</li>
 *   <li>{@code ferry.bench.combinations} {@code pairs}: the n-th source value with the n-th sink value (1/1 and
 *       2/2), and Debezium only into the largest sink; {@code all}: every source value with every sink value, and
 *       Debezium into each sink value ("pairs": shortens the default run);</li>
 *   <li>{@code ferry.bench.partitions} partitions of every change topic, Ferry's and Debezium's (2);</li>
 *   <li>{@code ferry.bench.jdbc.threads} thread counts of the direct JDBC copy ("1,2");</li>
 *   <li>{@code ferry.bench.rates} offered change rates of the incremental scenario in rows/s, 0 = as fast as the
 *       writers go ("1000,5000,0");</li>
 *   <li>{@code ferry.bench.rate.seconds} how long each rate is offered (30);</li>
 *   <li>{@code ferry.bench.writers} client threads of the change workload (4);</li>
 *   <li>{@code ferry.bench.scenarios} which parts run ("full,incremental"; footprint is sampled during full);</li>
 *   <li>{@code ferry.bench.run.timeout.minutes} a run that has not converged by then is reported as failed (20);</li>
 *   <li>{@code ferry.bench.results}, {@code ferry.bench.commit} as for the other benchmarks.</li>
 * </ul>
 */
record MigrationSettings(int rows, int repetitions, int warmUpRounds, List<Integer> sourceTasks,
                         List<Integer> debeziumThreads, List<Integer> sinkTasks, boolean allCombinations,
                         int partitions, List<Integer> jdbcThreads, List<Integer> rates,
                         int rateSeconds, int writers, List<String> scenarios, Duration runTimeout,
                         Path resultsFile, String commit) {

    static MigrationSettings fromSystemProperties() {
        String results = System.getProperty("ferry.bench.results", "");
        return new MigrationSettings(
                Integer.getInteger("ferry.bench.rows", 1_000_000),
                Integer.getInteger("ferry.bench.repetitions", 3),
                Integer.getInteger("ferry.bench.warmup", 1),
                BenchSettings.ints(System.getProperty("ferry.bench.source.tasks", "1,2")),
                BenchSettings.ints(System.getProperty("ferry.bench.debezium.threads", "1")),
                BenchSettings.ints(System.getProperty("ferry.bench.sink.tasks", "1,2")),
                combinations(System.getProperty("ferry.bench.combinations", "pairs")),
                Integer.getInteger("ferry.bench.partitions", 2),
                BenchSettings.ints(System.getProperty("ferry.bench.jdbc.threads", "1,2")),
                BenchSettings.ints(System.getProperty("ferry.bench.rates", "1000,5000,0")),
                Integer.getInteger("ferry.bench.rate.seconds", 30),
                Integer.getInteger("ferry.bench.writers", 4),
                List.of(System.getProperty("ferry.bench.scenarios", "full,incremental").split(",")),
                Duration.ofMinutes(Integer.getInteger("ferry.bench.run.timeout.minutes", 20)),
                results.isBlank() ? null : Path.of(results),
                System.getProperty("ferry.bench.commit", "unknown"));
    }

    MigrationSettings {
        if (rows < 100 || repetitions < 1 || warmUpRounds < 0 || partitions < 1 || rateSeconds < 1 || writers < 1) {
            throw new IllegalArgumentException("rows (at least 100), repetitions, partitions, rate seconds and"
                    + " writers must be positive, warm-up rounds not negative");
        }
        if (Stream.of(sourceTasks, debeziumThreads, sinkTasks, jdbcThreads).flatMap(List::stream).anyMatch(t -> t < 1)
                || rates.stream().anyMatch(r -> r < 0)) {
            throw new IllegalArgumentException("task and thread counts must be positive, rates not negative");
        }
        if (!allCombinations && sourceTasks.size() != sinkTasks.size()) {
            throw new IllegalArgumentException("with ferry.bench.combinations=pairs, ferry.bench.source.tasks and"
                    + " ferry.bench.sink.tasks need as many values each (" + sourceTasks + ", " + sinkTasks + ")");
        }
    }

    private static boolean combinations(String value) {
        return switch (value.trim()) {
            case "pairs" -> false;
            case "all" -> true;
            default -> throw new IllegalArgumentException("ferry.bench.combinations must be pairs or all, not "
                    + value);
        };
    }

    /** The (source tasks, sink tasks) combinations Ferry runs. */
    List<int[]> ferryTaskCombinations() {
        List<int[]> combinations = new ArrayList<>();
        if (allCombinations) {
            sourceTasks.forEach(source -> sinkTasks.forEach(sink -> combinations.add(new int[] {source, sink})));
        } else {
            for (int i = 0; i < sourceTasks.size(); i++) {
                combinations.add(new int[] {sourceTasks.get(i), sinkTasks.get(i)});
            }
        }
        return combinations;
    }

    /** The sink task counts Debezium's topics are applied with. */
    List<Integer> debeziumSinkTasks() {
        return allCombinations ? sinkTasks : List.of(sinkTasks.stream().mapToInt(Integer::intValue).max().orElse(1));
    }

    boolean runs(String scenario) {
        return scenarios.stream().map(String::trim).anyMatch(scenario::equals);
    }

    int maxSourceTasks() {
        return sourceTasks.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    int maxDebeziumThreads() {
        return debeziumThreads.stream().mapToInt(Integer::intValue).max().orElse(1);
    }
}
