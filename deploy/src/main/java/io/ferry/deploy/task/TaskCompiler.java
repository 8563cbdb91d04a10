package io.ferry.deploy.task;

import io.ferry.deploy.task.TaskFile.Migration;
import io.ferry.deploy.task.TaskFile.Server;
import io.ferry.migrator.settings.MigratorSettings;
import io.ferry.migrator.settings.SettingsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Compiles a {@link TaskFile} into the migrator's settings and the connector configs, so that the same task runs
 * through {@code ferry migrate} or, from {@code ferry plan}'s output, through a team's own Connect pipeline.
 * How secrets appear is the caller's choice: resolved (the migrator connects with them), as written (references
 * a worker resolves through its config providers), or masked (anything printed).
 */
public final class TaskCompiler {

    public static final String SOURCE_CLASS = "io.ferry.source.MySqlSourceConnector";
    public static final String SINK_CLASS = "io.ferry.sink.MySqlSinkConnector";
    /**
     * Both connectors' JSON converter (shipped in both plugins): writes and reads the bytes Kafka's JsonConverter
     * writes and reads, faster; it falls back to Kafka's on anything it does not expect.
     */
    static final String JSON_CONVERTER = "io.ferry.json.StreamingJsonConverter";

    /** Producer settings that let the snapshot go faster than the worker's 16 KB batches (bench/RESULTS.md). */
    static final Map<String, String> PRODUCER_OVERRIDES = Map.of(
            "producer.override.batch.size", "1048576",
            "producer.override.linger.ms", "10",
            "producer.override.compression.type", "lz4");

    private final TaskFile task;

    public TaskCompiler(TaskFile task) {
        this.task = task;
    }

    /** Secrets resolved for the migrator; connector secrets as the task's connect section says. */
    public CompiledTask compile(Map<String, String> environment) {
        Function<Secret, String> resolved = s -> s.resolve(environment);
        boolean inline = task.connect().map(c -> "inline".equals(c.secrets())).orElse(false);
        return compile(resolved, inline ? resolved : Secret::value);
    }

    /** Every secret masked: for {@code ferry plan} and logs. */
    public CompiledTask compileMasked() {
        return compile(Secret::masked, Secret::masked);
    }

    private CompiledTask compile(Function<Secret, String> forMigrator, Function<Secret, String> forConnectors) {
        Map<String, String> migrator = migratorSettings(forMigrator);
        try {
            MigratorSettings.of(migrator);
        } catch (SettingsException e) {
            throw new TaskFileException("", "the task compiles to invalid migrator settings: " + e.getMessage(), e);
        }
        boolean connectors = task.includes("full") || task.includes("incremental");
        if (!connectors) {
            return new CompiledTask(migrator, Optional.empty(), Optional.empty());
        }
        checkConnectorTls();
        return new CompiledTask(migrator, Optional.of(source(forConnectors)), Optional.of(sink(forConnectors)));
    }

    Map<String, String> migratorSettings(Function<Secret, String> secrets) {
        Map<String, String> m = new LinkedHashMap<>();
        endpoint(m, "source.", task.source(), secrets);
        endpoint(m, "destination.", task.destination(), secrets);
        putList(m, MigratorSettings.TABLE_INCLUDE, tableRegexes("objects.include", task.objects().include()));
        putList(m, MigratorSettings.TABLE_EXCLUDE, tableRegexes("objects.exclude", task.objects().exclude()));
        putList(m, MigratorSettings.COLUMN_EXCLUDE, columnRegexes());
        task.objects().rowFilters().forEach((t, c) -> m.put(MigratorSettings.ROW_FILTER_PREFIX + t, c));
        putList(m, MigratorSettings.MAPPING_RULES, mappingRules());
        m.put(MigratorSettings.MAPPING_CASE, task.mapping().letterCase());
        m.put(MigratorSettings.MIGRATION_TYPES, String.join(",", task.migration().types()));
        m.put(MigratorSettings.CONFLICT_TABLES, task.migration().conflictTables());
        m.put(MigratorSettings.BINLOG_RETENTION_HOURS, String.valueOf(task.migration().binlogRetentionHours()));
        return m;
    }

    private static void endpoint(Map<String, String> m, String prefix, Server server,
                                 Function<Secret, String> secrets) {
        m.put(prefix + MigratorSettings.HOST, server.host());
        m.put(prefix + MigratorSettings.PORT, String.valueOf(server.port()));
        m.put(prefix + MigratorSettings.USER, server.user());
        m.put(prefix + MigratorSettings.PASSWORD, secrets.apply(server.password()));
        m.put(prefix + MigratorSettings.SSL_MODE, server.tlsMode());
        if (server.tlsCa() != null) {
            m.put(prefix + MigratorSettings.SSL_CA, server.tlsCa().toString());
        }
    }

    Map<String, String> source(Function<Secret, String> secrets) {
        Migration mig = task.migration();
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", SOURCE_CLASS);
        c.put("tasks.max", String.valueOf(mig.snapshotParallelism()));
        c.put("database.hostname", task.source().host());
        c.put("database.port", String.valueOf(task.source().port()));
        c.put("database.user", task.source().user());
        c.put("database.password", secrets.apply(task.source().password()));
        // disabled, preferred and required are spelt alike in both; checkConnectorTls refuses verify-ca.
        c.put("database.ssl.mode", task.source().tlsMode());
        if (task.source().serverId() != 0) {
            c.put("database.server.id", String.valueOf(task.source().serverId()));
        }
        c.put("topic.prefix", task.name());
        putList(c, "table.include", tableRegexes("objects.include", task.objects().include()));
        putList(c, "table.exclude", tableRegexes("objects.exclude", task.objects().exclude()));
        putList(c, "column.exclude", columnRegexes());
        List<String> operations = new ArrayList<>();
        task.objects().operations().forEach((pattern, ops) -> operations.add(
                NamePattern.toRegex("objects.operations." + pattern, pattern, 2) + ":" + String.join("+", ops)));
        putList(c, "table.operations", operations);
        task.objects().rowFilters().forEach((t, condition) -> c.put("row.filter." + t, condition));
        c.put("snapshot.mode", snapshotMode());
        c.put("snapshot.chunk.size", String.valueOf(mig.snapshotChunkRows()));
        putRate(c, "snapshot.max.rows.per.second", mig.throttle().snapshotRowsPerSecond());
        putRate(c, "snapshot.max.bytes.per.second", mig.throttle().snapshotBytesPerSecond());
        putRate(c, "max.rows.per.second", mig.throttle().streamRowsPerSecond());
        putRate(c, "max.bytes.per.second", mig.throttle().streamBytesPerSecond());
        c.put("online.ddl.mode", mig.onlineDdl());
        c.put("heartbeat.interval.ms", String.valueOf(mig.heartbeatInterval().toMillis()));
        if (!mig.heartbeatTable().isEmpty()) {
            c.put("heartbeat.table", mig.heartbeatTable());
        }
        retries(c);
        int replication = task.connect().map(TaskFile.Connect::topicReplicationFactor).orElse(1);
        c.put("topic.creation.default.replication.factor", String.valueOf(replication));
        c.put("topic.creation.default.partitions", "1");
        c.putAll(new TreeMap<>(PRODUCER_OVERRIDES));
        converters(c, JSON_CONVERTER);
        if (task.topics().avro()) {
            // Avro names allow only letters, digits and _: columns like 1st or price$ are renamed in the schema,
            // and the sink maps them back.
            c.put("field.name.adjustment.mode", "avro");
        }
        if (!"adaptive_time_microseconds".equals(task.topics().timePrecision())) {
            c.put("time.precision.mode", task.topics().timePrecision());
        }
        return c;
    }

    /**
     * The connector's own key and value converters, so the change topics have the task's format whatever the
     * workers' defaults are. JSON keeps nulls as nulls: with replace.null.with.default (Kafka's default) a NULL in
     * a column that has a DEFAULT would be read back as the default. The sink reads JSON with its
     * StreamingJsonConverter: the same format as Kafka's JsonConverter, read without building a tree of every
     * record's schema (most of the sink's CPU with Kafka's). Avro goes through Apicurio's converter in the
     * Confluent wire format, which the plugins ship (docs/avro.md).
     */
    private void converters(Map<String, String> c, String jsonConverter) {
        for (String side : List.of("key.converter", "value.converter")) {
            if (task.topics().avro()) {
                String registry = task.topics().registryUrl().toString().replaceAll("/+$", "");
                c.put(side, "io.apicurio.registry.utils.converter.AvroConverter");
                c.put(side + ".apicurio.registry.url", registry + "/apis/registry/v2");
                c.put(side + ".apicurio.registry.auto-register", "true");
                c.put(side + ".apicurio.registry.as-confluent", "true");
                c.put(side + ".apicurio.registry.use-id", "contentId");
                c.put(side + ".apicurio.registry.headers.enabled", "false");
            } else {
                c.put(side, jsonConverter);
                c.put(side + ".schemas.enable", "true");
                c.put(side + ".replace.null.with.default", "false");
            }
        }
    }

    Map<String, String> sink(Function<Secret, String> secrets) {
        Migration mig = task.migration();
        boolean ddl = mig.applyDdl() && task.includes("incremental");
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", SINK_CLASS);
        c.put("tasks.max", String.valueOf(mig.applyParallelism()));
        c.put("topics.regex", sinkTopicsRegex(task.name(), ddl));
        c.put("connection.hostname", task.destination().host());
        c.put("connection.port", String.valueOf(task.destination().port()));
        c.put("connection.user", task.destination().user());
        c.put("connection.password", secrets.apply(task.destination().password()));
        c.put("connection.params", "sslMode=" + task.destination().tlsMode().toUpperCase(Locale.ROOT));
        putList(c, "mapping.rules", mappingRules());
        c.put("mapping.case", task.mapping().letterCase());
        putList(c, "column.exclude", columnRegexes());
        c.put("snapshot.conflict.policy", mig.conflictSnapshot());
        c.put("stream.conflict.policy", mig.conflictStream());
        c.put("ddl.apply", String.valueOf(ddl));
        retries(c);
        putRate(c, "max.rows.per.second", mig.throttle().applyRowsPerSecond());
        putRate(c, "max.bytes.per.second", mig.throttle().applyBytesPerSecond());
        c.put("consumer.override.max.poll.records", String.valueOf(mig.applyBatchRows()));
        // The sink subscribes by regex: topics the source creates later are seen at the next metadata refresh.
        c.put("consumer.override.metadata.max.age.ms", "5000");
        converters(c, JSON_CONVERTER);
        return c;
    }

    /** The sink's topics: every {@code <prefix>.<db>.<table>}, and with DDL replay the {@code <prefix>} topic. */
    public static String sinkTopicsRegex(String prefix, boolean ddl) {
        return ddl ? prefix + "(\\..+\\..+)?" : prefix + "\\..+\\..+";
    }

    private String snapshotMode() {
        boolean full = task.includes("full");
        boolean incremental = task.includes("incremental");
        return full && incremental ? "initial" : full ? "initial_only" : "never";
    }

    private void retries(Map<String, String> c) {
        c.put("connection.retry.timeout.ms", String.valueOf(task.migration().connectionRetryTimeout().toMillis()));
        c.put("retry.timeout.ms", String.valueOf(task.migration().retryTimeout().toMillis()));
    }

    private void checkConnectorTls() {
        if ("verify-ca".equals(task.source().tlsMode())) {
            // Connector/J reads only key stores, and a truststore made here would not be on the Connect workers.
            throw new TaskFileException("source.tls.mode", "'verify-ca' cannot be used with full or incremental"
                    + " yet: the source connector takes a JKS or PKCS12 truststore on the Connect workers"
                    + " (database.ssl.truststore), not a PEM CA file; use required");
        }
        if ("verify-ca".equals(task.destination().tlsMode())) {
            throw new TaskFileException("destination.tls.mode", "'verify-ca' cannot be used with full or"
                    + " incremental yet: the sink connector takes no PEM CA file; use required");
        }
    }

    private List<String> tableRegexes(String path, List<String> patterns) {
        List<String> regexes = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            regexes.add(NamePattern.toRegex(path + "[" + i + "]", patterns.get(i), 2));
        }
        return regexes;
    }

    private List<String> columnRegexes() {
        List<String> patterns = task.objects().excludeColumns();
        List<String> regexes = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            regexes.add(NamePattern.toRegex("objects.exclude-columns[" + i + "]", patterns.get(i), 3));
        }
        return regexes;
    }

    private List<String> mappingRules() {
        List<String> rules = new ArrayList<>();
        task.mapping().databases().forEach((from, to) -> rules.add(from + "=" + to));
        task.mapping().tables().forEach((from, to) -> rules.add(from + "=" + to));
        task.mapping().columns().forEach((from, to) -> rules.add(from + "=" + to));
        return rules;
    }

    private static void putList(Map<String, String> m, String key, List<String> values) {
        if (!values.isEmpty()) {
            m.put(key, String.join(",", values));
        }
    }

    private static void putRate(Map<String, String> m, String key, long rate) {
        if (rate > 0) {
            m.put(key, String.valueOf(rate));
        }
    }
}
