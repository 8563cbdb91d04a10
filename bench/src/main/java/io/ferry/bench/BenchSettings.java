package io.ferry.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one benchmark run does, from system properties (bench/run passes them through):
 * <ul>
 *   <li>{@code ferry.bench.rows} rows in the table (1,000,000);</li>
 *   <li>{@code ferry.bench.repetitions} timed repetitions of every scenario (3);</li>
 *   <li>{@code ferry.bench.tasks} the {@code tasks.max} values to measure ("1,2,3");</li>
 *   <li>{@code ferry.bench.jdbc.threads} the JDBC baseline's thread counts ("1,2");</li>
 *   <li>{@code ferry.bench.fetch.size} rows per round trip, for Ferry and the baseline alike (2048, Ferry's
 *       default);</li>
 *   <li>{@code ferry.bench.datetime} whether the table has its DATETIME(6) column (false: a BIGINT of epoch
 *       microseconds instead, see {@link BenchTable});</li>
 *   <li>{@code ferry.bench.converters} the connector's key and value converters to compare ("kafka"): {@code kafka}
 *       for Kafka's {@code JsonConverter}, {@code streaming} for Ferry's {@code StreamingJsonConverter} (the same
 *       bytes), alternated within each round;</li>
 *   <li>{@code ferry.bench.connector.<key>} added to (or replacing in) the connector config, e.g.
 *       {@code -Dferry.bench.connector.producer.override.batch.size=1048576};</li>
 *   <li>{@code ferry.bench.results} the Markdown file the result is appended to (none: print only);</li>
 *   <li>{@code ferry.bench.commit} the git commit measured, for the record.</li>
 * </ul>
 */
record BenchSettings(int rows, int repetitions, List<Integer> taskCounts, List<Integer> jdbcThreads, int fetchSize,
                     boolean dateTime, List<JsonConverterChoice> converters, Map<String, String> connectorOverrides,
                     Path resultsFile, String commit) {

    private static final String CONNECTOR_PREFIX = "ferry.bench.connector.";

    static BenchSettings fromSystemProperties() {
        String results = System.getProperty("ferry.bench.results", "");
        return new BenchSettings(
                Integer.getInteger("ferry.bench.rows", 1_000_000),
                Integer.getInteger("ferry.bench.repetitions", 3),
                ints(System.getProperty("ferry.bench.tasks", "1,2,3")),
                ints(System.getProperty("ferry.bench.jdbc.threads", "1,2")),
                Integer.getInteger("ferry.bench.fetch.size", 2048),
                Boolean.parseBoolean(System.getProperty("ferry.bench.datetime", "true")),
                JsonConverterChoice.list(System.getProperty("ferry.bench.converters", "kafka")),
                connectorOverridesFromSystemProperties(),
                results.isBlank() ? null : Path.of(results),
                System.getProperty("ferry.bench.commit", "unknown"));
    }

    BenchSettings {
        if (rows < 1 || repetitions < 1 || fetchSize < 1) {
            throw new IllegalArgumentException("rows, repetitions and fetch size must be positive");
        }
        if (taskCounts.stream().anyMatch(t -> t < 1) || jdbcThreads.stream().anyMatch(t -> t < 1)) {
            throw new IllegalArgumentException("task and thread counts must be positive");
        }
        if (converters.isEmpty()) {
            throw new IllegalArgumentException("ferry.bench.converters names no converter");
        }
    }

    /** Rows of the warm-up table: enough to load every code path and the JIT, small enough to be quick. */
    int warmUpRows() {
        return Math.max(1, Math.min(rows / 10, 25_000));
    }

    int maxTasks() {
        return taskCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    private static Map<String, String> connectorOverridesFromSystemProperties() {
        Map<String, String> overrides = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(CONNECTOR_PREFIX))
                .forEach(k -> overrides.put(k.substring(CONNECTOR_PREFIX.length()), System.getProperty(k)));
        return Map.copyOf(overrides);
    }

    static List<Integer> ints(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf)
                .toList();
    }
}
