package io.ferry.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one apply benchmark run does, from system properties (bench/run-apply passes them through):
 * <ul>
 *   <li>{@code ferry.bench.rows} rows in the snapshot topic (1,000,000);</li>
 *   <li>{@code ferry.bench.updates} single-row updates in the update stream (a fifth of the rows); a fortieth of
 *       that many deletes and as many inserts come with them;</li>
 *   <li>{@code ferry.bench.repetitions} timed repetitions of every scenario (2);</li>
 *   <li>{@code ferry.bench.tasks} the sink's {@code tasks.max} values ("1,2");</li>
 *   <li>{@code ferry.bench.max.poll.records} the values of {@code consumer.override.max.poll.records} to try
 *       ("500,5000"): one put() is one destination transaction;</li>
 *   <li>{@code ferry.bench.converters} the sink's key and value converters to try ("kafka"): {@code kafka} for
 *       Kafka's {@code JsonConverter}, {@code streaming} for the sink plugin's {@code StreamingJsonConverter}
 *       (the same JSON, read without a tree); both with schemas and nulls kept as nulls;</li>
 *   <li>{@code ferry.bench.partitions} partitions of the two topics (2), so that a second sink task has work;</li>
 *   <li>{@code ferry.bench.jdbc.threads} the JDBC baseline's thread counts ("1,2");</li>
 *   <li>{@code ferry.bench.jdbc.batch} rows per statement and per transaction of the baseline (1000);</li>
 *   <li>{@code ferry.bench.sink.<key>} added to (or replacing in) every sink config, e.g.
 *       {@code -Dferry.bench.sink.consumer.override.max.partition.fetch.bytes=16777216};</li>
 *   <li>{@code ferry.bench.results}, {@code ferry.bench.commit} as for the snapshot benchmark.</li>
 * </ul>
 */
record ApplySettings(int rows, int updates, int repetitions, List<Integer> taskCounts, List<Integer> maxPollRecords,
                     List<JsonConverterChoice> converters, int partitions, List<Integer> jdbcThreads, int jdbcBatch,
                     Map<String, String> sinkOverrides,
                     Path resultsFile, String commit) {

    private static final String SINK_PREFIX = "ferry.bench.sink.";

    static ApplySettings fromSystemProperties() {
        int rows = Integer.getInteger("ferry.bench.rows", 1_000_000);
        String results = System.getProperty("ferry.bench.results", "");
        Map<String, String> overrides = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(SINK_PREFIX))
                .forEach(k -> overrides.put(k.substring(SINK_PREFIX.length()), System.getProperty(k)));
        return new ApplySettings(rows,
                Integer.getInteger("ferry.bench.updates", rows / 5),
                Integer.getInteger("ferry.bench.repetitions", 2),
                BenchSettings.ints(System.getProperty("ferry.bench.tasks", "1,2")),
                BenchSettings.ints(System.getProperty("ferry.bench.max.poll.records", "500,5000")),
                JsonConverterChoice.list(System.getProperty("ferry.bench.converters", "kafka")),
                Integer.getInteger("ferry.bench.partitions", 2),
                BenchSettings.ints(System.getProperty("ferry.bench.jdbc.threads", "1,2")),
                Integer.getInteger("ferry.bench.jdbc.batch", 1000),
                Map.copyOf(overrides),
                results.isBlank() ? null : Path.of(results),
                System.getProperty("ferry.bench.commit", "unknown"));
    }

    ApplySettings {
        if (rows < 1 || repetitions < 1 || partitions < 1 || jdbcBatch < 1) {
            throw new IllegalArgumentException("rows, repetitions, partitions and batch size must be positive");
        }
        if (updates < 0 || updates + 2 * (updates / 40) > rows) {
            throw new IllegalArgumentException("updates must be between 0 and about the row count");
        }
        if (rows % UpdateWorkload.STRIDE == 0) {
            throw new IllegalArgumentException("rows must not be a multiple of " + UpdateWorkload.STRIDE);
        }
        if (taskCounts.stream().anyMatch(t -> t < 1) || maxPollRecords.stream().anyMatch(t -> t < 1)
                || jdbcThreads.stream().anyMatch(t -> t < 1)) {
            throw new IllegalArgumentException("task, record and thread counts must be positive");
        }
        if (converters.isEmpty()) {
            throw new IllegalArgumentException("ferry.bench.converters names no converter");
        }
    }

    /** Deletes in the update stream; as many new rows are inserted. */
    int deletes() {
        return updates / 40;
    }
}
