package io.ferry.deploy.task;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed task file: one migration from a source server to a destination server. Every field is documented in
 * {@code config/task-example.yaml}; {@link TaskFileParser} fills the defaults and rejects what is invalid.
 *
 * @param name        names the connectors ({@code <name>-source}, {@code <name>-sink}) and is the topic prefix
 * @param connect     an existing Connect cluster, or empty for the embedded stack
 */
public record TaskFile(String name, Server source, Server destination, Selection objects, Mapping mapping,
                       Migration migration, Optional<Connect> connect, Embedded embedded, Alerts alerts,
                       Topics topics) {

    public String sourceConnectorName() {
        return name + "-source";
    }

    public String sinkConnectorName() {
        return name + "-sink";
    }

    public boolean includes(String type) {
        return migration.types().contains(type);
    }

    /**
     * One server.
     *
     * @param tlsMode  disabled, preferred, required or verify-ca
     * @param tlsCa    the PEM file of the CA for verify-ca, or null
     * @param serverId the source's binlog replica id (0 derives one); always 0 for the destination
     */
    public record Server(String host, int port, String user, Secret password, String tlsMode, Path tlsCa,
                         long serverId) {
    }

    /**
     * Which tables and columns move, as {@code db.table} patterns ({@code *} and {@code ?} wildcards; a pattern
     * without a dot names a database, i.e. all its tables).
     *
     * @param excludeColumns {@code db.table.column} patterns
     * @param rowFilters     SQL condition per {@code db.table}
     * @param operations     per {@code db.table} pattern, the changes it carries (insert, update, delete, ddl)
     */
    public record Selection(List<String> include, List<String> exclude, List<String> excludeColumns,
                          Map<String, String> rowFilters, Map<String, List<String>> operations) {
    }

    /** Destination names: renames of databases ({@code db}), tables ({@code db.t}), columns ({@code db.t.c}). */
    public record Mapping(Map<String, String> databases, Map<String, String> tables, Map<String, String> columns,
                          String letterCase) {
    }

    /** What to do and how fast. */
    public record Migration(List<String> types, String conflictTables, String conflictSnapshot,
                            String conflictStream, int snapshotParallelism, int snapshotChunkRows,
                            int applyParallelism, int applyBatchRows, boolean applyDdl, Throttle throttle,
                            String onlineDdl, Duration connectionRetryTimeout, Duration retryTimeout,
                            Duration heartbeatInterval, String heartbeatTable, int binlogRetentionHours) {
    }

    /** Rates (per task, 0 = unlimited). */
    public record Throttle(long snapshotRowsPerSecond, long snapshotBytesPerSecond, long streamRowsPerSecond,
                           long streamBytesPerSecond, long applyRowsPerSecond, long applyBytesPerSecond) {
    }

    /**
     * An existing Connect cluster.
     *
     * @param secrets reference (hand {@code ${env:..}}/{@code ${file:..}} to the workers, which need the config
     *                providers) or inline (resolve them here and send the values)
     */
    public record Connect(URI url, String bootstrapServers, int topicReplicationFactor, String secrets) {
    }

    /** The embedded stack (used without a {@code connect} section). Ports 0: chosen once, then kept. */
    public record Embedded(Path dataDir, int restPort, int kafkaPort) {
    }

    /**
     * How change events are written to Kafka.
     *
     * @param format      json (Connect's JSON with schemas) or avro (Apicurio's converter, Confluent wire format)
     * @param registryUrl the schema registry's base URL (required with avro), e.g. http://registry:8080
     * @param timePrecision the source's time.precision.mode: adaptive_time_microseconds (exact) or connect (Connect's
     *                      millisecond Date/Time/Timestamp, Avro logical types)
     */
    public record Topics(String format, URI registryUrl, String timePrecision) {

        public boolean avro() {
            return "avro".equals(format);
        }
    }

    /** Alerts {@code ferry migrate} posts (lag seconds 0: off). */
    public record Alerts(long lagSeconds, URI webhook) {
    }
}
