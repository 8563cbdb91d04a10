package io.ferry.deploy.task;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ferry.deploy.task.TaskFile.Alerts;
import io.ferry.deploy.task.TaskFile.Connect;
import io.ferry.deploy.task.TaskFile.Embedded;
import io.ferry.deploy.task.TaskFile.Mapping;
import io.ferry.deploy.task.TaskFile.Migration;
import io.ferry.deploy.task.TaskFile.Selection;
import io.ferry.deploy.task.TaskFile.Server;
import io.ferry.deploy.task.TaskFile.Throttle;
import io.ferry.deploy.task.TaskFile.Topics;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a task file (YAML) into a {@link TaskFile}: defaults for what is absent, and a {@link TaskFileException}
 * naming the field for anything unknown or invalid. The field reference is {@code config/task-example.yaml}.
 */
public final class TaskFileParser {

    public static final List<String> TYPES = List.of("schema", "full", "incremental");
    public static final List<String> TLS_MODES = List.of("disabled", "preferred", "required", "verify-ca");
    public static final List<String> CASES = List.of("as-source", "lower", "upper");
    public static final List<String> TABLE_CONFLICTS = List.of("error", "ignore");
    public static final List<String> ROW_CONFLICTS = List.of("keep-destination", "overwrite", "fail");
    public static final List<String> ONLINE_DDL = List.of("none", "gh-ost", "migrate-shadow");
    public static final List<String> OPERATIONS = List.of("insert", "update", "delete", "ddl");
    public static final List<String> SECRET_MODES = List.of("reference", "inline");

    private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,99}";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private TaskFileParser() {
    }

    public static TaskFile parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TaskFileException("", "cannot read the task file " + file + ": " + e.getMessage(), e);
        }
        return parse(text);
    }

    public static TaskFile parse(String yaml) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new TaskFileException("", "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new TaskFileException("", "the task file is empty");
        }
        YamlNode root = new YamlNode(tree, "");
        String name = root.requiredString("name");
        if (!name.matches(NAME_PATTERN)) {
            throw new TaskFileException("name", "'" + name + "' must be letters, digits, '_' and '-' (starting with"
                    + " a letter or digit, at most 100): it names the connectors and prefixes the topics");
        }
        Server source = server(root.object("source"), true);
        Server destination = server(root.object("destination"), false);
        Selection objects = objects(root.object("objects"));
        Mapping mapping = mapping(root.object("mapping"));
        Migration migration = migration(root.object("migration"));
        Optional<Connect> connect = root.has("connect") ? Optional.of(connect(root.object("connect")))
                : Optional.empty();
        if (connect.isPresent() && root.has("embedded")) {
            throw new TaskFileException("embedded", "only used without a connect section (the embedded stack)");
        }
        Embedded embedded = embedded(root.object("embedded"), name);
        Alerts alerts = alerts(root.object("alerts"));
        Topics topics = topics(root.object("topics"), root.object("registry"));
        root.rejectUnknownFields(List.of("name", "source", "destination", "objects", "mapping", "migration",
                "connect", "embedded", "alerts", "topics", "registry"));
        return new TaskFile(name, source, destination, objects, mapping, migration, connect, embedded, alerts,
                topics);
    }

    private static Server server(YamlNode node, boolean isSource) {
        String host = node.requiredString("host");
        int port = node.integer("port", 3306, 1, 65_535);
        String user = node.requiredString("user");
        Secret password = node.secret("password");
        YamlNode tls = node.object("tls");
        String mode = tls.choice("mode", "preferred", TLS_MODES);
        String ca = tls.string("ca", null);
        if ("verify-ca".equals(mode) && (ca == null || ca.isBlank())) {
            throw new TaskFileException(tls.pathOf("ca"), "is required with mode verify-ca: the PEM file of the CA"
                    + " that signed the server's certificate");
        }
        tls.rejectUnknownFields(List.of("mode", "ca"));
        long serverId = 0;
        if (isSource) {
            serverId = node.number("server-id", 0, 0, 4_294_967_295L);
        }
        node.rejectUnknownFields(isSource ? List.of("host", "port", "user", "password", "tls", "server-id")
                : List.of("host", "port", "user", "password", "tls"));
        return new Server(host, port, user, password, mode, ca == null || ca.isBlank() ? null : Path.of(ca.trim()),
                serverId);
    }

    private static Selection objects(YamlNode node) {
        List<String> include = node.strings("include", List.of());
        List<String> exclude = node.strings("exclude", List.of());
        List<String> columns = node.strings("exclude-columns", List.of());
        for (int i = 0; i < include.size(); i++) {
            NamePattern.toRegex(node.pathOf("include") + "[" + i + "]", include.get(i), 2);
        }
        for (int i = 0; i < exclude.size(); i++) {
            NamePattern.toRegex(node.pathOf("exclude") + "[" + i + "]", exclude.get(i), 2);
        }
        for (int i = 0; i < columns.size(); i++) {
            NamePattern.toRegex(node.pathOf("exclude-columns") + "[" + i + "]", columns.get(i), 3);
        }
        Map<String, String> rowFilters = node.stringMap("row-filters");
        rowFilters.forEach((table, condition) -> {
            String at = node.pathOf("row-filters") + "." + table;
            if (table.split("\\.", -1).length != 2 || table.contains("*") || table.contains("?")) {
                throw new TaskFileException(at, "a row filter names one table as db.table (no wildcards)");
            }
            if (condition.isBlank()) {
                throw new TaskFileException(at, "the condition is empty");
            }
        });
        Map<String, List<String>> operations = new LinkedHashMap<>();
        YamlNode ops = node.object("operations");
        ops.fieldNames().forEach(table -> {
            NamePattern.toRegex(ops.pathOf(table), table, 2);
            List<String> list = ops.choices(table, List.of(), OPERATIONS);
            if (list.isEmpty()) {
                throw new TaskFileException(ops.pathOf(table), "name at least one of " + String.join(", ",
                        OPERATIONS));
            }
            operations.put(table, list);
        });
        node.rejectUnknownFields(List.of("include", "exclude", "exclude-columns", "row-filters", "operations"));
        return new Selection(include, exclude, columns, Map.copyOf(rowFilters), operations);
    }

    private static Mapping mapping(YamlNode node) {
        Map<String, String> databases = node.stringMap("databases");
        Map<String, String> tables = node.stringMap("tables");
        Map<String, String> columns = node.stringMap("columns");
        checkRules(node.pathOf("databases"), databases, 1);
        checkRules(node.pathOf("tables"), tables, 2);
        checkRules(node.pathOf("columns"), columns, 3);
        String letterCase = node.choice("case", "as-source", CASES);
        node.rejectUnknownFields(List.of("databases", "tables", "columns", "case"));
        return new Mapping(databases, tables, columns, letterCase);
    }

    private static void checkRules(String path, Map<String, String> rules, int parts) {
        rules.forEach((from, to) -> {
            String at = path + "." + from;
            if (from.split("\\.", -1).length != parts) {
                throw new TaskFileException(at, "must name a " + (parts == 1 ? "database" : parts == 2 ? "db.table"
                        : "db.table.column"));
            }
            if (to.isBlank() || (from + to).matches(".*[,=`*?].*")) {
                throw new TaskFileException(at, "'" + to + "' is not a usable name (no commas, '=', backquotes or"
                        + " wildcards)");
            }
        });
    }

    private static Migration migration(YamlNode node) {
        List<String> types = node.choices("types", TYPES, TYPES);
        if (types.isEmpty()) {
            throw new TaskFileException(node.pathOf("types"), "name at least one of " + String.join(", ", TYPES));
        }
        YamlNode conflict = node.object("conflict");
        String tables = conflict.choice("tables", "error", TABLE_CONFLICTS);
        String snapshot = conflict.choice("snapshot", "keep-destination", ROW_CONFLICTS);
        String stream = conflict.choice("stream", "overwrite", ROW_CONFLICTS);
        conflict.rejectUnknownFields(List.of("tables", "snapshot", "stream"));
        YamlNode snap = node.object("snapshot");
        int parallelism = snap.integer("parallelism", 1, 1, 64);
        int chunkRows = snap.integer("chunk-rows", 8192, 1, 10_000_000);
        snap.rejectUnknownFields(List.of("parallelism", "chunk-rows"));
        YamlNode apply = node.object("apply");
        int applyParallelism = apply.integer("parallelism", 1, 1, 64);
        int batchRows = apply.integer("batch-rows", 2000, 1, 100_000);
        boolean ddl = apply.bool("ddl", true);
        apply.rejectUnknownFields(List.of("parallelism", "batch-rows", "ddl"));
        Throttle throttle = throttle(node.object("throttle"));
        String onlineDdl = node.choice("online-ddl", "none", ONLINE_DDL);
        YamlNode retry = node.object("retry");
        Duration connectionRetry = retry.duration("connection-timeout", Duration.ofMinutes(720));
        Duration otherRetry = retry.duration("timeout", Duration.ofMinutes(10));
        if (otherRetry.compareTo(connectionRetry) > 0) {
            throw new TaskFileException(retry.pathOf("timeout"), "must not be longer than connection-timeout ("
                    + connectionRetry.toMinutes() + "m)");
        }
        retry.rejectUnknownFields(List.of("connection-timeout", "timeout"));
        YamlNode heartbeat = node.object("heartbeat");
        Duration interval = heartbeat.duration("interval", Duration.ofSeconds(10));
        String table = heartbeat.string("table", "").trim();
        if (!table.isEmpty() && !table.matches("[^.`*?,]+\\.[^.`*?,]+")) {
            throw new TaskFileException(heartbeat.pathOf("table"), "'" + table + "' must be db.table");
        }
        heartbeat.rejectUnknownFields(List.of("interval", "table"));
        int retention = node.integer("binlog-retention-hours", 24, 0, 100_000);
        node.rejectUnknownFields(List.of("types", "conflict", "snapshot", "apply", "throttle", "online-ddl", "retry",
                "heartbeat", "binlog-retention-hours"));
        return new Migration(types, tables, snapshot, stream, parallelism, chunkRows, applyParallelism, batchRows,
                ddl, throttle, onlineDdl, connectionRetry, otherRetry, interval, table, retention);
    }

    private static Throttle throttle(YamlNode node) {
        Throttle throttle = new Throttle(rate(node, "snapshot-rows-per-second"),
                rate(node, "snapshot-bytes-per-second"),
                rate(node, "stream-rows-per-second"), rate(node, "stream-bytes-per-second"),
                rate(node, "apply-rows-per-second"), rate(node, "apply-bytes-per-second"));
        node.rejectUnknownFields(List.of("snapshot-rows-per-second", "snapshot-bytes-per-second",
                "stream-rows-per-second", "stream-bytes-per-second", "apply-rows-per-second",
                "apply-bytes-per-second"));
        return throttle;
    }

    private static long rate(YamlNode node, String field) {
        return node.number(field, 0, 0, Long.MAX_VALUE);
    }

    private static Connect connect(YamlNode node) {
        URI url = uri(node, "url", true);
        String bootstrap = node.requiredString("bootstrap-servers");
        int replication = node.integer("topic-replication-factor", -1, -1, 32);
        if (replication == 0) {
            throw new TaskFileException(node.pathOf("topic-replication-factor"), "0 is not a replication factor:"
                    + " use -1 for the broker's default or 1 and more");
        }
        String secrets = node.choice("secrets", "reference", SECRET_MODES);
        node.rejectUnknownFields(List.of("url", "bootstrap-servers", "topic-replication-factor", "secrets"));
        return new Connect(url, bootstrap, replication, secrets);
    }

    private static Embedded embedded(YamlNode node, String name) {
        Path dataDir = Path.of(node.string("data-dir", ".ferry/" + name).trim());
        int restPort = node.integer("rest-port", 0, 0, 65_535);
        int kafkaPort = node.integer("kafka-port", 0, 0, 65_535);
        node.rejectUnknownFields(List.of("data-dir", "rest-port", "kafka-port"));
        return new Embedded(dataDir, restPort, kafkaPort);
    }

    private static Topics topics(YamlNode topics, YamlNode registry) {
        String format = topics.choice("format", "json", List.of("json", "avro"));
        String timePrecision = topics.choice("time-precision", "adaptive_time_microseconds",
                List.of("adaptive_time_microseconds", "connect"));
        topics.rejectUnknownFields(List.of("format", "time-precision"));
        URI url = uri(registry, "url", false);
        registry.rejectUnknownFields(List.of("url"));
        if ("avro".equals(format) && url == null) {
            throw new TaskFileException(registry.pathOf("url"), "is required with topics.format avro: the schema"
                    + " registry's base URL (Apicurio, e.g. http://registry:8080)");
        }
        return new Topics(format, url, timePrecision);
    }

    private static Alerts alerts(YamlNode node) {
        long lag = node.number("lag-seconds", 0, 0, Long.MAX_VALUE);
        URI webhook = uri(node, "webhook", false);
        node.rejectUnknownFields(List.of("lag-seconds", "webhook"));
        return new Alerts(lag, webhook);
    }

    private static URI uri(YamlNode node, String field, boolean required) {
        String text = required ? node.requiredString(field) : node.string(field, "").trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new TaskFileException(node.pathOf(field), "'" + text + "' is not an http(s) URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new TaskFileException(node.pathOf(field), "'" + text + "' is not a URL: " + e.getReason(), e);
        }
    }
}
