package io.ferry.sink;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * Configuration of {@link MySqlSinkConnector}, parsed once into typed fields. The keys are defined (type,
 * default, validator, documentation) in {@link SinkConfigDef}. Connect's own sink keys ({@code topics},
 * {@code topics.regex}, {@code errors.*}) are validated by the worker and are not repeated here.
 */
public final class MySqlSinkConfig extends AbstractConfig {

    static final String GROUP_CONNECTION = "Connection";
    static final String GROUP_ROUTING = "Routing and name mapping";
    static final String GROUP_APPLY = "Apply";
    static final String GROUP_OFFSETS = "Exactly-once offsets";
    static final String GROUP_RETRIES = "Retries and throttling";

    public static final String CONNECTION_HOSTNAME_CONFIG = "connection.hostname";
    public static final String CONNECTION_PORT_CONFIG = "connection.port";
    public static final String CONNECTION_USER_CONFIG = "connection.user";
    public static final String CONNECTION_PASSWORD_CONFIG = "connection.password";
    public static final String CONNECTION_PARAMS_CONFIG = "connection.params";
    public static final String TABLE_ROUTING_CONFIG = "table.routing";
    public static final String TABLE_ROUTING_TOPIC_REGEX_CONFIG = "table.routing.topic.regex";
    public static final String MAPPING_RULES_CONFIG = "mapping.rules";
    public static final String MAPPING_CASE_CONFIG = "mapping.case";
    public static final String COLUMN_EXCLUDE_CONFIG = "column.exclude";
    public static final String SNAPSHOT_CONFLICT_POLICY_CONFIG = "snapshot.conflict.policy";
    public static final String STREAM_CONFLICT_POLICY_CONFIG = "stream.conflict.policy";
    public static final String BATCH_MAX_ROWS_CONFIG = "batch.max.rows";
    public static final String DDL_APPLY_CONFIG = "ddl.apply";
    public static final String SESSION_SQL_MODE_CONFIG = "session.sql.mode";
    public static final String OFFSETS_DATABASE_CONFIG = "offsets.database";
    public static final String OFFSETS_TABLE_CONFIG = "offsets.table";
    public static final String CONNECTION_RETRY_TIMEOUT_MS_CONFIG = "connection.retry.timeout.ms";
    public static final String RETRY_TIMEOUT_MS_CONFIG = "retry.timeout.ms";
    public static final String MAX_ROWS_PER_SECOND_CONFIG = "max.rows.per.second";
    public static final String MAX_BYTES_PER_SECOND_CONFIG = "max.bytes.per.second";

    static final int CONNECTION_PORT_DEFAULT = 3306;
    static final String DEFAULT_TOPIC_REGEX = "^(?:.*\\.)?([^.]+)\\.([^.]+)$";
    /** Strict like a replica applier, but zero dates allowed (the source may hold them), 0 kept in AUTO_INCREMENT. */
    static final String DEFAULT_SQL_MODE = "STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION,NO_AUTO_VALUE_ON_ZERO";

    public static final ConfigDef CONFIG_DEF = SinkConfigDef.build();

    private final String hostname;
    private final int port;
    private final String user;
    private final Password password;
    private final String connectionParams;
    private final TableRouting tableRouting;
    private final Pattern topicRegex;
    private final List<String> mappingRules;
    private final String mappingCase;
    private final List<String> columnExclude;
    private final ConflictPolicy snapshotPolicy;
    private final ConflictPolicy streamPolicy;
    private final int batchMaxRows;
    private final boolean ddlApply;
    private final String sqlMode;
    private final String offsetsDatabase;
    private final String offsetsTable;
    private final long connectionRetryTimeoutMs;
    private final long retryTimeoutMs;
    private final long maxRowsPerSecond;
    private final long maxBytesPerSecond;

    public MySqlSinkConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        this.hostname = getString(CONNECTION_HOSTNAME_CONFIG).trim();
        this.port = getInt(CONNECTION_PORT_CONFIG);
        this.user = getString(CONNECTION_USER_CONFIG);
        this.password = getPassword(CONNECTION_PASSWORD_CONFIG);
        this.connectionParams = getString(CONNECTION_PARAMS_CONFIG).trim();
        this.tableRouting = TableRouting.parse(getString(TABLE_ROUTING_CONFIG));
        this.topicRegex = Pattern.compile(getString(TABLE_ROUTING_TOPIC_REGEX_CONFIG));
        this.mappingRules = getList(MAPPING_RULES_CONFIG);
        this.mappingCase = getString(MAPPING_CASE_CONFIG);
        this.columnExclude = getList(COLUMN_EXCLUDE_CONFIG);
        this.snapshotPolicy = ConflictPolicy.parse(getString(SNAPSHOT_CONFLICT_POLICY_CONFIG));
        this.streamPolicy = ConflictPolicy.parse(getString(STREAM_CONFLICT_POLICY_CONFIG));
        this.batchMaxRows = getInt(BATCH_MAX_ROWS_CONFIG);
        this.ddlApply = getBoolean(DDL_APPLY_CONFIG);
        this.sqlMode = getString(SESSION_SQL_MODE_CONFIG).trim();
        this.offsetsDatabase = getString(OFFSETS_DATABASE_CONFIG).trim();
        this.offsetsTable = getString(OFFSETS_TABLE_CONFIG).trim();
        this.connectionRetryTimeoutMs = getLong(CONNECTION_RETRY_TIMEOUT_MS_CONFIG);
        this.retryTimeoutMs = getLong(RETRY_TIMEOUT_MS_CONFIG);
        this.maxRowsPerSecond = getLong(MAX_ROWS_PER_SECOND_CONFIG);
        this.maxBytesPerSecond = getLong(MAX_BYTES_PER_SECOND_CONFIG);
    }

    /**
     * Rules that involve more than one key, each attached to the key to change; empty when the config is
     * consistent. The task refuses to start otherwise.
     */
    public Map<String, String> crossKeyProblems() {
        if (retryTimeoutMs > connectionRetryTimeoutMs) {
            return Map.of(RETRY_TIMEOUT_MS_CONFIG, "(" + retryTimeoutMs + ") must not be larger than "
                    + CONNECTION_RETRY_TIMEOUT_MS_CONFIG + " (" + connectionRetryTimeoutMs + "): connection losses"
                    + " are the failures worth waiting longest for");
        }
        return Map.of();
    }

    /** The JDBC URL of the destination: batched statements rewritten, UTC session, no client-side time zone games. */
    public String jdbcUrl() {
        String url = "jdbc:mysql://" + hostname + ":" + port + "/?rewriteBatchedStatements=true"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=false&preserveInstants=false"
                + "&characterEncoding=UTF-8&useAffectedRows=false&allowPublicKeyRetrieval=true"
                + "&zeroDateTimeBehavior=CONVERT_TO_NULL";
        return connectionParams.isEmpty() ? url : url + "&" + connectionParams;
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

    public TableRouting tableRouting() {
        return tableRouting;
    }

    public Pattern topicRegex() {
        return topicRegex;
    }

    public List<String> mappingRules() {
        return mappingRules;
    }

    public String mappingCase() {
        return mappingCase;
    }

    public List<String> columnExclude() {
        return columnExclude;
    }

    public ConflictPolicy snapshotPolicy() {
        return snapshotPolicy;
    }

    public ConflictPolicy streamPolicy() {
        return streamPolicy;
    }

    public int batchMaxRows() {
        return batchMaxRows;
    }

    public boolean ddlApply() {
        return ddlApply;
    }

    public String sqlMode() {
        return sqlMode;
    }

    public String offsetsDatabase() {
        return offsetsDatabase;
    }

    public String offsetsTable() {
        return offsetsTable;
    }

    public long connectionRetryTimeoutMs() {
        return connectionRetryTimeoutMs;
    }

    public long retryTimeoutMs() {
        return retryTimeoutMs;
    }

    public long maxRowsPerSecond() {
        return maxRowsPerSecond;
    }

    public long maxBytesPerSecond() {
        return maxBytesPerSecond;
    }
}
