package io.ferry.source;

import io.ferry.common.ColumnFilter;
import io.ferry.common.TableFilter;
import io.ferry.common.TableId;
import io.ferry.source.event.OperationFilter;
import io.ferry.source.event.RowFilter;
import io.ferry.source.schema.convert.FieldNameAdjustment;
import io.ferry.source.stream.OnlineDdl;
import io.ferry.source.schema.ColumnDefaultsMode;
import io.ferry.source.schema.TimePrecisionMode;
import io.ferry.source.stream.OnlineDdlMode;
import io.ferry.source.tls.SourceTls;
import io.ferry.source.tls.SslMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
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
    public static final String DATABASE_SSL_MODE_CONFIG = "database.ssl.mode";
    public static final String DATABASE_SSL_TRUSTSTORE_CONFIG = "database.ssl.truststore";
    public static final String DATABASE_SSL_TRUSTSTORE_PASSWORD_CONFIG = "database.ssl.truststore.password";
    public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
    public static final String TOMBSTONES_ON_DELETE_CONFIG = "tombstones.on.delete";
    public static final String COLUMN_DEFAULTS_CONFIG = "column.defaults";
    public static final String INCLUDE_SCHEMA_COMMENTS_CONFIG = "include.schema.comments";
    public static final String TIME_PRECISION_MODE_CONFIG = "time.precision.mode";
    public static final String FIELD_NAME_ADJUSTMENT_MODE_CONFIG = "field.name.adjustment.mode";
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

    public static final ConfigDef CONFIG_DEF = SourceConfigDef.build();

    private final String hostname;
    private final int port;
    private final String user;
    private final Password password;
    private final long serverId;
    private final int connectTimeoutMs;
    private final SourceTls tls;
    private final String topicPrefix;
    private final boolean tombstonesOnDelete;
    private final ColumnDefaultsMode columnDefaults;
    private final boolean includeSchemaComments;
    private final TimePrecisionMode timePrecisionMode;
    private final FieldNameAdjustment fieldNameAdjustment;
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
        this.tls = new SourceTls(SslMode.parse(getString(DATABASE_SSL_MODE_CONFIG)),
                getString(DATABASE_SSL_TRUSTSTORE_CONFIG),
                getPassword(DATABASE_SSL_TRUSTSTORE_PASSWORD_CONFIG).value());
        this.tombstonesOnDelete = getBoolean(TOMBSTONES_ON_DELETE_CONFIG);
        this.columnDefaults = ColumnDefaultsMode.parse(getString(COLUMN_DEFAULTS_CONFIG));
        this.includeSchemaComments = getBoolean(INCLUDE_SCHEMA_COMMENTS_CONFIG);
        this.timePrecisionMode = TimePrecisionMode.parse(getString(TIME_PRECISION_MODE_CONFIG));
        this.fieldNameAdjustment = FieldNameAdjustment.parse(getString(FIELD_NAME_ADJUSTMENT_MODE_CONFIG));
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
        if (tls.mode().verifies() && tls.truststore().isEmpty()) {
            problems.put(DATABASE_SSL_TRUSTSTORE_CONFIG, "is required when " + DATABASE_SSL_MODE_CONFIG + " is "
                    + tls.mode().configValue() + ": the JKS or PKCS12 file with the CA certificate(s) that the"
                    + " server certificate is checked against");
        }
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

    /** TLS of every connection to the source, JDBC and binlog alike. */
    public SourceTls tls() {
        return tls;
    }

    public String topicPrefix() {
        return topicPrefix;
    }

    public FieldNameAdjustment fieldNameAdjustment() {
        return fieldNameAdjustment;
    }

    public boolean tombstonesOnDelete() {
        return tombstonesOnDelete;
    }

    public ColumnDefaultsMode columnDefaults() {
        return columnDefaults;
    }

    /** Whether field schemas carry the column comments as their doc. */
    public boolean includeSchemaComments() {
        return includeSchemaComments;
    }

    /** How DATE, DATETIME and TIME columns become fields. */
    public TimePrecisionMode timePrecisionMode() {
        return timePrecisionMode;
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

    /** A new connection to the source with the TLS and session settings of {@link #jdbcUrl()}; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password.value());
        tls.addSecret(properties);
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    /** The JDBC URL for the source, with the TLS and session settings every Ferry connection needs; no secrets. */
    public String jdbcUrl() {
        return "jdbc:mysql://" + hostname + ":" + port + "/?" + tls.jdbcParameters() + "&allowPublicKeyRetrieval=true"
                // Converters read temporal values as text in the session zone: it must be UTC.
                + "&connectionTimeZone=UTC&sessionVariables=time_zone=%27%2B00:00%27"
                + "&connectTimeout=" + connectTimeoutMs + "&useCursorFetch=true";
    }
}
