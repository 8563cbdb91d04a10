package io.ferry.source;

import io.ferry.common.ColumnFilter;
import io.ferry.common.TableFilter;
import io.ferry.common.TableId;
import io.ferry.source.event.OperationFilter;
import io.ferry.source.event.RowFilter;
import io.ferry.source.stream.OnlineDdl;
import io.ferry.source.stream.OnlineDdlMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Configuration of {@link MySqlSourceConnector}. Every key is declared here once, with its type, default,
 * validator and documentation, and parsed once into typed fields. Key names follow Debezium's MySQL
 * connector where the meaning is the same, so existing connector configs carry over.
 */
public final class MySqlSourceConfig extends AbstractConfig {

    static final String GROUP_CONNECTION = "Connection";
    static final String GROUP_TOPICS = "Topics";
    static final String GROUP_SELECTION = "Selection";
    static final String GROUP_SNAPSHOT = "Snapshot";
    static final String GROUP_STREAMING = "Streaming";

    public static final String DATABASE_HOSTNAME_CONFIG = "database.hostname";
    public static final String DATABASE_PORT_CONFIG = "database.port";
    public static final String DATABASE_USER_CONFIG = "database.user";
    public static final String DATABASE_PASSWORD_CONFIG = "database.password";
    public static final String DATABASE_SERVER_ID_CONFIG = "database.server.id";
    public static final String CONNECT_TIMEOUT_MS_CONFIG = "connect.timeout.ms";
    public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
    public static final String TOMBSTONES_ON_DELETE_CONFIG = "tombstones.on.delete";
    public static final String DATABASE_INCLUDE_CONFIG = "database.include";
    public static final String DATABASE_EXCLUDE_CONFIG = "database.exclude";
    public static final String TABLE_INCLUDE_CONFIG = "table.include";
    public static final String TABLE_EXCLUDE_CONFIG = "table.exclude";
    public static final String COLUMN_EXCLUDE_CONFIG = "column.exclude";
    public static final String ONLINE_DDL_MODE_CONFIG = "online.ddl.mode";
    public static final String ONLINE_DDL_SHADOW_TABLES_CONFIG = "online.ddl.shadow.tables";
    public static final String ONLINE_DDL_TRASH_TABLES_CONFIG = "online.ddl.trash.tables";
    public static final String TABLE_OPERATIONS_CONFIG = "table.operations";
    /** Prefix of the per-table row filter keys, {@code row.filter.<db>.<table>}. */
    public static final String ROW_FILTER_PREFIX = "row.filter.";
    static final String ROW_FILTER_DOC = "`" + ROW_FILTER_PREFIX + "<db>.<table>` (string, one key per table):"
            + " a SQL condition the table's rows must meet. The snapshot adds it to its SELECT; the stream evaluates"
            + " it on each row image (a row leaving the condition is emitted as a delete, one entering it as a"
            + " create). The stream understands comparisons (= != <> < <= > >=) of a column with a number or a"
            + " 'quoted string', IS [NOT] NULL, [NOT] IN (...), AND, OR, NOT and parentheses; strings compare"
            + " exactly (case-sensitive), and date/time, JSON, binary, BIT and SET columns cannot be used.";
    public static final String SNAPSHOT_MODE_CONFIG = "snapshot.mode";
    public static final String SNAPSHOT_CHUNK_SIZE_CONFIG = "snapshot.chunk.size";
    public static final String SNAPSHOT_FETCH_SIZE_CONFIG = "snapshot.fetch.size";
    public static final String SNAPSHOT_MAX_ROWS_PER_SECOND_CONFIG = "snapshot.max.rows.per.second";
    public static final String SNAPSHOT_MAX_BYTES_PER_SECOND_CONFIG = "snapshot.max.bytes.per.second";
    public static final String SNAPSHOT_MAX_QUERIES_PER_SECOND_CONFIG = "snapshot.max.queries.per.second";
    public static final String MAX_ROWS_PER_SECOND_CONFIG = "max.rows.per.second";
    public static final String MAX_BYTES_PER_SECOND_CONFIG = "max.bytes.per.second";
    public static final String MAX_BATCH_SIZE_CONFIG = "max.batch.size";
    public static final String MAX_QUEUE_SIZE_CONFIG = "max.queue.size";
    public static final String POLL_INTERVAL_MS_CONFIG = "poll.interval.ms";
    public static final String HEARTBEAT_INTERVAL_MS_CONFIG = "heartbeat.interval.ms";
    public static final String HEARTBEAT_TABLE_CONFIG = "heartbeat.table";
    public static final String CONNECTION_RETRY_TIMEOUT_MS_CONFIG = "connection.retry.timeout.ms";
    public static final String RETRY_TIMEOUT_MS_CONFIG = "retry.timeout.ms";

    /** Server ids derived from the topic prefix start here, clear of ids DBAs usually hand out. */
    static final long DERIVED_SERVER_ID_BASE = 5_400_000L;

    public static final ConfigDef CONFIG_DEF = configDef();

    private final String hostname;
    private final int port;
    private final String user;
    private final Password password;
    private final long serverId;
    private final int connectTimeoutMs;
    private final String topicPrefix;
    private final boolean tombstonesOnDelete;
    private final TableFilter tableFilter;
    private final ColumnFilter columnFilter;
    private final OperationFilter operations;
    private final OnlineDdl ignoredByOnlineDdl;
    private final Map<TableId, RowFilter> rowFilters;
    private final SnapshotMode snapshotMode;
    private final int chunkSize;
    private final int fetchSize;
    private final int maxBatchSize;
    private final int maxQueueSize;
    private final int pollIntervalMs;
    private final int heartbeatIntervalMs;
    private final long connectionRetryTimeoutMs;
    private final long retryTimeoutMs;

    public MySqlSourceConfig(Map<String, String> props) {
        this(props, true);
    }

    /** With {@code crossKeyChecks} false, two-key rules are left to the caller ({@link #crossKeyProblems()}). */
    MySqlSourceConfig(Map<String, String> props, boolean crossKeyChecks) {
        super(CONFIG_DEF, props);
        this.hostname = getString(DATABASE_HOSTNAME_CONFIG).trim();
        this.port = getInt(DATABASE_PORT_CONFIG);
        this.user = getString(DATABASE_USER_CONFIG);
        this.password = getPassword(DATABASE_PASSWORD_CONFIG);
        this.topicPrefix = getString(TOPIC_PREFIX_CONFIG);
        long configuredId = getLong(DATABASE_SERVER_ID_CONFIG);
        this.serverId = configuredId > 0 ? configuredId
                : DERIVED_SERVER_ID_BASE + (topicPrefix.hashCode() & 0xFFFFF) * 64L;
        this.connectTimeoutMs = getInt(CONNECT_TIMEOUT_MS_CONFIG);
        this.tombstonesOnDelete = getBoolean(TOMBSTONES_ON_DELETE_CONFIG);
        this.tableFilter = new TableFilter(getList(DATABASE_INCLUDE_CONFIG), getList(DATABASE_EXCLUDE_CONFIG),
                getList(TABLE_INCLUDE_CONFIG), getList(TABLE_EXCLUDE_CONFIG));
        this.columnFilter = new ColumnFilter(getList(COLUMN_EXCLUDE_CONFIG));
        this.operations = OperationFilter.parse(getList(TABLE_OPERATIONS_CONFIG));
        this.ignoredByOnlineDdl = onlineDdl();
        this.rowFilters = rowFilters(props);
        this.snapshotMode = SnapshotMode.parse(getString(SNAPSHOT_MODE_CONFIG));
        this.chunkSize = getInt(SNAPSHOT_CHUNK_SIZE_CONFIG);
        this.fetchSize = getInt(SNAPSHOT_FETCH_SIZE_CONFIG);
        this.maxBatchSize = getInt(MAX_BATCH_SIZE_CONFIG);
        this.maxQueueSize = getInt(MAX_QUEUE_SIZE_CONFIG);
        this.pollIntervalMs = getInt(POLL_INTERVAL_MS_CONFIG);
        this.heartbeatIntervalMs = getInt(HEARTBEAT_INTERVAL_MS_CONFIG);
        this.connectionRetryTimeoutMs = getLong(CONNECTION_RETRY_TIMEOUT_MS_CONFIG);
        this.retryTimeoutMs = getLong(RETRY_TIMEOUT_MS_CONFIG);
        if (crossKeyChecks) {
            crossKeyProblems().forEach((key, problem) -> {
                throw new ConfigException(key, originals().get(key), problem);
            });
        }
    }

    /**
     * Rules that involve two keys, each attached to the key that should change; {@link MySqlSourceConnector}'s
     * validate() reports them the same way.
     */
    Map<String, String> crossKeyProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (maxQueueSize <= maxBatchSize) {
            problems.put(MAX_QUEUE_SIZE_CONFIG, "must be larger than " + MAX_BATCH_SIZE_CONFIG + " (" + maxBatchSize
                    + ")");
        }
        if (!getString(HEARTBEAT_TABLE_CONFIG).isBlank() && heartbeatIntervalMs == 0) {
            problems.put(HEARTBEAT_TABLE_CONFIG, "needs " + HEARTBEAT_INTERVAL_MS_CONFIG + " above 0");
        }
        if (retryTimeoutMs >= connectionRetryTimeoutMs) {
            problems.put(RETRY_TIMEOUT_MS_CONFIG, "must be smaller than " + CONNECTION_RETRY_TIMEOUT_MS_CONFIG + " ("
                    + connectionRetryTimeoutMs + "): connection losses are the failures worth waiting out longest");
        }
        return problems;
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(DATABASE_HOSTNAME_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                new ConfigDef.NonEmptyStringWithoutControlChars(), Importance.HIGH,
                "Host name or IP address of the source MySQL or MariaDB server.",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "Hostname");
        def.define(DATABASE_PORT_CONFIG, Type.INT, 3306, ConfigDef.Range.between(1, 65535), Importance.HIGH,
                "TCP port of the source server.", GROUP_CONNECTION, ++order, Width.SHORT, "Port");
        def.define(DATABASE_USER_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                Importance.HIGH, "User Ferry connects as. It needs SELECT, REPLICATION SLAVE and REPLICATION"
                        + " CLIENT, and no other privilege: the snapshot takes no locks.",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "User");
        def.define(DATABASE_PASSWORD_CONFIG, Type.PASSWORD, "", Importance.HIGH, "Password of database.user."
                        + " Use a config provider (e.g. ${file:/path:key}) to keep it out of the connector config.",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "Password");
        def.define(DATABASE_SERVER_ID_CONFIG, Type.LONG, 0L, ConfigDef.Range.between(0L, 4_294_967_295L),
                Importance.MEDIUM, "Replica server id of the binlog connection; it must differ from every other"
                        + " replica of the source. Snapshot tasks use the following ids (id+1+task). 0 derives an id"
                        + " from topic.prefix in the range " + DERIVED_SERVER_ID_BASE + "-"
                        + (DERIVED_SERVER_ID_BASE + 0xFFFFFL * 64 + 63) + ".",
                GROUP_CONNECTION, ++order, Width.SHORT, "Server id");
        def.define(CONNECT_TIMEOUT_MS_CONFIG, Type.INT, 30_000, ConfigDef.Range.atLeast(1000), Importance.LOW,
                "How long to wait for a connection to the source, in milliseconds.",
                GROUP_CONNECTION, ++order, Width.SHORT, "Connect timeout");

        order = 0;
        def.define(TOPIC_PREFIX_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new TopicPrefixValidator(),
                Importance.HIGH, "Prefix of every topic this connector writes: row changes of table db.t go to"
                        + " <topic.prefix>.db.t, schema changes to <topic.prefix>. It also names the source in the"
                        + " events' source.name field, so it must stay the same for the connector's lifetime.",
                GROUP_TOPICS, ++order, Width.MEDIUM, "Topic prefix");
        def.define(TOMBSTONES_ON_DELETE_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM, "Whether a delete event is"
                        + " followed by a tombstone (same key, null value), so that log compaction can drop the row.",
                GROUP_TOPICS, ++order, Width.SHORT, "Tombstones on delete");

        order = 0;
        def.define(DATABASE_INCLUDE_CONFIG, Type.LIST, "", new RegexListValidator(), Importance.HIGH,
                "Regular expressions matched against whole database names; only matching databases are captured."
                        + " Empty captures every database except the server's own schemas.",
                GROUP_SELECTION, ++order, Width.LONG, "Databases to include");
        def.define(DATABASE_EXCLUDE_CONFIG, Type.LIST, "", new RegexListValidator(), Importance.MEDIUM,
                "Regular expressions matched against whole database names; matching databases are not captured.",
                GROUP_SELECTION, ++order, Width.LONG, "Databases to exclude");
        def.define(TABLE_INCLUDE_CONFIG, Type.LIST, "", new RegexListValidator(), Importance.HIGH,
                "Regular expressions matched against whole db.table names; only matching tables are captured."
                        + " Empty captures every table of the selected databases.",
                GROUP_SELECTION, ++order, Width.LONG, "Tables to include");
        def.define(TABLE_EXCLUDE_CONFIG, Type.LIST, "", new RegexListValidator(), Importance.MEDIUM,
                "Regular expressions matched against whole db.table names; matching tables are not captured.",
                GROUP_SELECTION, ++order, Width.LONG, "Tables to exclude");
        def.define(COLUMN_EXCLUDE_CONFIG, Type.LIST, "", new RegexListValidator(), Importance.MEDIUM,
                "Regular expressions matched against whole db.table.column names; matching columns are left out of"
                        + " events (snapshot and stream alike). Key columns cannot be excluded.",
                GROUP_SELECTION, ++order, Width.LONG, "Columns to exclude");
        def.define(TABLE_OPERATIONS_CONFIG, Type.LIST, "", new OperationListValidator(), Importance.MEDIUM,
                "Which changes a table emits, as entries <db.table regex>:<op>+<op>... with ops insert, update,"
                        + " delete, ddl (e.g. shop\\.audit:insert). The first matching entry decides; other tables emit"
                        + " everything. Snapshot reads are always emitted.",
                GROUP_SELECTION, ++order, Width.LONG, "Operations per table");
        def.define(ONLINE_DDL_MODE_CONFIG, Type.STRING, OnlineDdlMode.NONE.configValue(),
                ConfigDef.ValidString.in(OnlineDdlMode.configValues()), Importance.MEDIUM,
                "Online schema change tools: none (capture every table as it is), gh-ost (leave out the tool's"
                        + " shadow and trash tables, and emit its cut-over rename as the ALTER of the original"
                        + " table), migrate-shadow (capture the shadow tables too, so the destination repeats the"
                        + " tool's steps).",
                GROUP_SELECTION, ++order, Width.SHORT, "Online DDL mode");
        def.define(ONLINE_DDL_SHADOW_TABLES_CONFIG, Type.STRING, "^_(.+)_(?:gho|new)$", new RegexValidator(),
                Importance.LOW, "Regular expression on table names (without database) of the shadow tables an"
                        + " online schema change tool builds, for online.ddl.mode=gh-ost.",
                GROUP_SELECTION, ++order, Width.MEDIUM, "Shadow tables");
        def.define(ONLINE_DDL_TRASH_TABLES_CONFIG, Type.STRING, "^_(.+)_(?:ghc|del|old)$", new RegexValidator(),
                Importance.LOW, "Regular expression on table names (without database) of the changelog and"
                        + " leftover tables of an online schema change tool, for online.ddl.mode=gh-ost.",
                GROUP_SELECTION, ++order, Width.MEDIUM, "Trash tables");

        order = 0;
        def.define(SNAPSHOT_MODE_CONFIG, Type.STRING, SnapshotMode.INITIAL.configValue(),
                ConfigDef.ValidString.in(SnapshotMode.configValues()), Importance.HIGH,
                "When to snapshot: initial (snapshot the selected tables, then stream the binlog), initial_only"
                        + " (snapshot only, then the tasks stop producing), never (stream from the current position"
                        + " or the stored offset), when_needed (as initial, and snapshot again if the stored binlog"
                        + " position has been purged from the server).",
                GROUP_SNAPSHOT, ++order, Width.SHORT, "Snapshot mode");
        def.define(SNAPSHOT_CHUNK_SIZE_CONFIG, Type.INT, 8192, ConfigDef.Range.between(1, 10_000_000),
                Importance.MEDIUM, "Rows per snapshot chunk: the unit of progress and of the in-memory merge with"
                        + " binlog changes that happen while the chunk is read.",
                GROUP_SNAPSHOT, ++order, Width.SHORT, "Chunk size");
        def.define(SNAPSHOT_FETCH_SIZE_CONFIG, Type.INT, 2048, ConfigDef.Range.between(1, 1_000_000),
                Importance.LOW, "Rows fetched from the server per round trip while reading a chunk.",
                GROUP_SNAPSHOT, ++order, Width.SHORT, "Fetch size");
        def.define(SNAPSHOT_MAX_ROWS_PER_SECOND_CONFIG, Type.LONG, 0L, ConfigDef.Range.atLeast(0L), Importance.MEDIUM,
                "Most snapshot rows each task reads per second, to spare a busy source. 0 is unlimited.",
                GROUP_SNAPSHOT, ++order, Width.SHORT, "Snapshot rows per second");
        def.define(SNAPSHOT_MAX_BYTES_PER_SECOND_CONFIG, Type.LONG, 0L, ConfigDef.Range.atLeast(0L),
                Importance.MEDIUM, "Most snapshot bytes each task reads per second, counted as the size of the"
                        + " values read (not of their serialized form). 0 is unlimited.",
                GROUP_SNAPSHOT, ++order, Width.SHORT, "Snapshot bytes per second");
        def.define(SNAPSHOT_MAX_QUERIES_PER_SECOND_CONFIG, Type.LONG, 0L, ConfigDef.Range.atLeast(0L),
                Importance.LOW, "Most snapshot queries each task sends per second (a chunk takes four: the boundary"
                        + " probe, two watermarks and the SELECT). 0 is unlimited.",
                GROUP_SNAPSHOT, ++order, Width.SHORT, "Snapshot queries per second");

        order = 0;
        def.define(MAX_ROWS_PER_SECOND_CONFIG, Type.LONG, 0L, ConfigDef.Range.atLeast(0L), Importance.MEDIUM,
                "Most records the stream emits per second; when exceeded the binlog is read more slowly (the"
                        + " server keeps the binlog). 0 is unlimited.",
                GROUP_STREAMING, ++order, Width.SHORT, "Stream rows per second");
        def.define(MAX_BYTES_PER_SECOND_CONFIG, Type.LONG, 0L, ConfigDef.Range.atLeast(0L), Importance.MEDIUM,
                "Most bytes the stream emits per second, counted as the size of the values. 0 is unlimited.",
                GROUP_STREAMING, ++order, Width.SHORT, "Stream bytes per second");
        def.define(MAX_BATCH_SIZE_CONFIG, Type.INT, 2048, ConfigDef.Range.between(1, 1_000_000), Importance.LOW,
                "Most records handed to Connect per poll.", GROUP_STREAMING, ++order, Width.SHORT, "Max batch size");
        def.define(MAX_QUEUE_SIZE_CONFIG, Type.INT, 8192, ConfigDef.Range.between(2, 10_000_000), Importance.LOW,
                "Most binlog rows buffered between the binlog connection and Connect; when full, reading waits."
                        + " Must be larger than max.batch.size.",
                GROUP_STREAMING, ++order, Width.SHORT, "Max queue size");
        def.define(POLL_INTERVAL_MS_CONFIG, Type.INT, 500, ConfigDef.Range.between(1, 60_000), Importance.LOW,
                "How long a poll waits for the first binlog row before returning empty, in milliseconds.",
                GROUP_STREAMING, ++order, Width.SHORT, "Poll interval");
        def.define(HEARTBEAT_INTERVAL_MS_CONFIG, Type.INT, 30_000, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                "How often, in milliseconds, a record is written to __ferry-heartbeat.<topic.prefix> when no change"
                        + " was emitted, so the stored binlog offset advances while captured tables are quiet. 0"
                        + " turns heartbeats off.",
                GROUP_STREAMING, ++order, Width.SHORT, "Heartbeat interval");
        def.define(HEARTBEAT_TABLE_CONFIG, Type.STRING, "", new HeartbeatTableValidator(), Importance.LOW,
                "A db.table on the source that the connector writes the current UTC time into every"
                        + " heartbeat.interval.ms (created if missing; needs CREATE, INSERT and UPDATE on it). It is"
                        + " captured like any table, so its copy in the destination shows the end-to-end lag. Empty"
                        + " writes nothing.",
                GROUP_STREAMING, ++order, Width.MEDIUM, "Heartbeat table");
        def.define(CONNECTION_RETRY_TIMEOUT_MS_CONFIG, Type.LONG, 720 * 60_000L, ConfigDef.Range.atLeast(0L),
                Importance.MEDIUM, "How long, in milliseconds, a lost or refused connection to the source is retried"
                        + " before the task fails. The default is 720 minutes.",
                GROUP_STREAMING, ++order, Width.SHORT, "Connection retry timeout");
        def.define(RETRY_TIMEOUT_MS_CONFIG, Type.LONG, 10 * 60_000L, ConfigDef.Range.atLeast(0L), Importance.MEDIUM,
                "How long, in milliseconds, other failures are retried before the task fails. Must be smaller than"
                        + " connection.retry.timeout.ms. The default is 10 minutes.",
                GROUP_STREAMING, ++order, Width.SHORT, "Retry timeout");
        return def;
    }

    public String hostname() {
        return hostname;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public Password password() {
        return password;
    }

    /** The binlog connection's server id; snapshot task {@code i} uses {@code serverId() + 1 + i}. */
    public long serverId() {
        return serverId;
    }

    public int connectTimeoutMs() {
        return connectTimeoutMs;
    }

    public String topicPrefix() {
        return topicPrefix;
    }

    public boolean tombstonesOnDelete() {
        return tombstonesOnDelete;
    }

    public TableFilter tableFilter() {
        return tableFilter;
    }

    public ColumnFilter columnFilter() {
        return columnFilter;
    }

    /** The row filters by table; a key whose table or condition does not parse fails naming the key. */
    static Map<TableId, RowFilter> rowFilters(Map<String, String> props) {
        Map<TableId, RowFilter> filters = new LinkedHashMap<>();
        props.forEach((key, value) -> {
            if (!key.startsWith(ROW_FILTER_PREFIX)) {
                return;
            }
            try {
                filters.put(TableId.parse(key.substring(ROW_FILTER_PREFIX.length())), RowFilter.parse(value));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, value, e.getMessage());
            }
        });
        return filters;
    }

    public Map<TableId, RowFilter> rowFilters() {
        return rowFilters;
    }

    /** A new online DDL tracker (it remembers shadow-table ALTERs, so each reader needs its own). */
    public OnlineDdl onlineDdl() {
        return new OnlineDdl(OnlineDdlMode.parse(getString(ONLINE_DDL_MODE_CONFIG)),
                getString(ONLINE_DDL_SHADOW_TABLES_CONFIG), getString(ONLINE_DDL_TRASH_TABLES_CONFIG));
    }

    /** The tables to capture: selected by the filters, and not an online DDL tool's shadow or trash table. */
    public boolean captures(TableId table) {
        return tableFilter.includes(table) && !ignoredByOnlineDdl.ignores(table)
                || heartbeatTable().map(table::equals).orElse(false);
    }

    public OperationFilter operations() {
        return operations;
    }

    public SnapshotMode snapshotMode() {
        return snapshotMode;
    }

    public int chunkSize() {
        return chunkSize;
    }

    public int fetchSize() {
        return fetchSize;
    }

    /** The snapshot's limits: rows, bytes and queries per second, each 0 for unlimited. */
    public long[] snapshotLimits() {
        return new long[] {getLong(SNAPSHOT_MAX_ROWS_PER_SECOND_CONFIG), getLong(SNAPSHOT_MAX_BYTES_PER_SECOND_CONFIG),
            getLong(SNAPSHOT_MAX_QUERIES_PER_SECOND_CONFIG)};
    }

    /** The stream's limits: rows and bytes per second, each 0 for unlimited. */
    public long[] streamLimits() {
        return new long[] {getLong(MAX_ROWS_PER_SECOND_CONFIG), getLong(MAX_BYTES_PER_SECOND_CONFIG)};
    }

    public int maxBatchSize() {
        return maxBatchSize;
    }

    public int maxQueueSize() {
        return maxQueueSize;
    }

    public int pollIntervalMs() {
        return pollIntervalMs;
    }

    public int heartbeatIntervalMs() {
        return heartbeatIntervalMs;
    }

    /** The heartbeat table, if one is configured. */
    public Optional<TableId> heartbeatTable() {
        String table = getString(HEARTBEAT_TABLE_CONFIG).trim();
        return table.isEmpty() ? Optional.empty() : Optional.of(TableId.parse(table));
    }

    public long connectionRetryTimeoutMs() {
        return connectionRetryTimeoutMs;
    }

    public long retryTimeoutMs() {
        return retryTimeoutMs;
    }

    /** The JDBC URL for the source, with the session settings every Ferry connection needs. */
    public String jdbcUrl() {
        return "jdbc:mysql://" + hostname + ":" + port + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true"
                // Converters read temporal values as text in the session zone: it must be UTC.
                + "&connectionTimeZone=UTC&sessionVariables=time_zone=%27%2B00:00%27"
                + "&connectTimeout=" + connectTimeoutMs + "&useCursorFetch=true";
    }

    /** Accepts an empty value or db.table. */
    static final class HeartbeatTableValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String table = value == null ? "" : ((String) value).trim();
            if (!table.isEmpty()) {
                try {
                    TableId.parse(table);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, "must be db.table");
                }
            }
        }

        @Override
        public String toString() {
            return "empty, or db.table";
        }
    }

    /** Rejects a value that is not a valid regular expression. */
    static final class RegexValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                TableFilter.validatePatterns(value == null ? List.of() : List.of((String) value));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "a regular expression";
        }
    }

    /** Rejects {@code table.operations} entries that do not parse, naming the bad entry. */
    static final class OperationListValidator implements ConfigDef.Validator {
        @Override
        @SuppressWarnings("unchecked")
        public void ensureValid(String name, Object value) {
            try {
                OperationFilter.parse(value == null ? List.of() : (List<String>) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "comma-separated <db.table regex>:<op>+<op> entries";
        }
    }

    /** Rejects entries that are not valid regular expressions, naming the bad entry. */
    static final class RegexListValidator implements ConfigDef.Validator {
        @Override
        @SuppressWarnings("unchecked")
        public void ensureValid(String name, Object value) {
            try {
                TableFilter.validatePatterns(value == null ? List.of() : (List<String>) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "comma-separated regular expressions";
        }
    }
}
