package io.ferry.bench;

import io.ferry.sink.MySqlSinkConfig;
import io.ferry.sink.MySqlSinkConnector;
import io.ferry.source.MySqlSourceConfig;
import io.ferry.source.MySqlSourceConnector;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Configs of the connectors the migration benchmark compares. Both source connectors, Ferry's and Debezium's,
 * get the same tuning ({@link #SOURCE_TUNING}): the rule is that nothing is tuned for Ferry that the
 * contenders are not given.
 */
final class MigrationConnectors {

    /** Debezium's MariaDB connector, loaded from the isolated plugin.path directory the build fills. */
    static final String DEBEZIUM_CLASS = "io.debezium.connector.mariadb.MariaDbConnector";

    /**
     * Bigger producer batches than Connect's default 16 KB (which holds ~5 records of ~3 KB with their JSON
     * schema; see the snapshot results in RESULTS.md), and the source-side batch and queue sizes, which both
     * connectors name alike.
     */
    static final Map<String, String> SOURCE_TUNING = Map.of(
            "producer.override.linger.ms", "10",
            "producer.override.batch.size", "1048576",
            "max.batch.size", "4096",
            "max.queue.size", "16384");

    /** The task file's {@code migration.apply.batch-rows} default, which {@code ferry migrate} passes on. */
    static final int SINK_MAX_POLL_RECORDS = 2000;

    /**
     * Connector/J and Debezium would use TLS where the server offers it (the test servers do); the JDBC baseline
     * and Ferry's source connect without it. On loopback every contender runs without TLS.
     */
    static final String NO_TLS_JDBC = "sslMode=DISABLED";

    private static final AtomicInteger SERVER_IDS = new AtomicInteger(7100);

    private MigrationConnectors() {
    }

    static Map<String, String> ferrySource(MySqlServer source, MigrationTables tables, String prefix, int tasks,
                                           String snapshotMode, int partitions) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", MySqlSourceConnector.class.getName());
        config.put("tasks.max", String.valueOf(tasks));
        config.put(MySqlSourceConfig.DATABASE_HOSTNAME_CONFIG, source.host());
        config.put(MySqlSourceConfig.DATABASE_PORT_CONFIG, String.valueOf(source.port()));
        config.put(MySqlSourceConfig.DATABASE_USER_CONFIG, source.user());
        config.put(MySqlSourceConfig.DATABASE_PASSWORD_CONFIG, source.password());
        config.put(MySqlSourceConfig.DATABASE_SERVER_ID_CONFIG, String.valueOf(SERVER_IDS.incrementAndGet()));
        config.put(MySqlSourceConfig.TOPIC_PREFIX_CONFIG, prefix);
        config.put(MySqlSourceConfig.TABLE_INCLUDE_CONFIG, tables.includePattern());
        config.put(MySqlSourceConfig.SNAPSHOT_MODE_CONFIG, snapshotMode);
        config.put(MySqlSourceConfig.TOMBSTONES_ON_DELETE_CONFIG, "false");
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", String.valueOf(partitions));
        config.putAll(SOURCE_TUNING);
        // As ferry migrate deploys it; Debezium writes with Kafka's converter, as Debezium ships it.
        JsonConverterChoice.STREAMING.putInto(config);
        return config;
    }

    /**
     * Debezium with the value settings under which Ferry's sink reproduces every value exactly (as in the sink's
     * DebeziumInteropIT), no locks, and {@code snapshot.max.threads} for parallel table snapshots, its
     * counterpart of Ferry's {@code tasks.max}.
     */
    static Map<String, String> debezium(MySqlServer source, ConnectCluster connect, MigrationTables tables,
                                        String prefix, int snapshotThreads, String snapshotMode, int partitions) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", DEBEZIUM_CLASS);
        config.put("tasks.max", "1");
        config.put("database.hostname", source.host());
        config.put("database.port", String.valueOf(source.port()));
        config.put("database.user", source.user());
        config.put("database.password", source.password());
        config.put("database.server.id", String.valueOf(SERVER_IDS.incrementAndGet()));
        config.put("topic.prefix", prefix);
        config.put("database.include.list", tables.database());
        config.put("table.include.list", tables.includePattern());
        config.put("schema.history.internal.kafka.bootstrap.servers", connect.bootstrapServers());
        config.put("schema.history.internal.kafka.topic", "__" + prefix + "-schema-history");
        config.put("include.schema.changes", "false");
        config.put("snapshot.mode", snapshotMode);
        config.put("snapshot.locking.mode", "none");
        config.put("database.ssl.mode", "disable"); // the MariaDB connector's name for it
        config.put("snapshot.max.threads", String.valueOf(snapshotThreads));
        config.put("tombstones.on.delete", "false");
        config.put("database.yearIsDateType", "false");
        config.put("bigint.unsigned.handling.mode", "precise");
        config.put("enable.time.adjuster", "false");
        config.put("decimal.handling.mode", "precise");
        config.put("time.precision.mode", "adaptive_time_microseconds");
        config.put("binary.handling.mode", "bytes");
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", String.valueOf(partitions));
        config.putAll(SOURCE_TUNING);
        return config;
    }

    /**
     * Ferry's sink as {@code ferry migrate} deploys it (its defaults, its StreamingJsonConverter, and at most
     * {@value #SINK_MAX_POLL_RECORDS} records per {@code put()}, i.e. per destination transaction: the task file's
     * {@code migration.apply.batch-rows} default), reading every table topic under {@code prefix}. Debezium's
     * topics go through the same sink.
     */
    static Map<String, String> ferrySink(MySqlServer destination, MigrationTables tables, String prefix, int tasks) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", MySqlSinkConnector.class.getName());
        config.put("tasks.max", String.valueOf(tasks));
        config.put("topics.regex", prefix + "\\." + tables.includePattern());
        config.put(MySqlSinkConfig.CONNECTION_HOSTNAME_CONFIG, destination.host());
        config.put(MySqlSinkConfig.CONNECTION_PORT_CONFIG, String.valueOf(destination.port()));
        config.put(MySqlSinkConfig.CONNECTION_USER_CONFIG, destination.user());
        config.put(MySqlSinkConfig.CONNECTION_PASSWORD_CONFIG, destination.password());
        // The sink is deployed with the source, before the topics exist: a regex subscription sees a new topic
        // only at the consumer's next metadata refresh, by default after 5 minutes. Same for every contender.
        config.put("consumer.override.metadata.max.age.ms", "1000");
        config.put("consumer.override.max.poll.records", String.valueOf(SINK_MAX_POLL_RECORDS));
        config.put(MySqlSinkConfig.CONNECTION_PARAMS_CONFIG, NO_TLS_JDBC);
        JsonConverterChoice.STREAMING.putInto(config);
        return config;
    }
}
