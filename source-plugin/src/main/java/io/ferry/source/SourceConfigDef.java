package io.ferry.source;

import static io.ferry.source.MySqlSourceConfig.COLUMN_DEFAULTS_CONFIG;
import static io.ferry.source.MySqlSourceConfig.COLUMN_EXCLUDE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.CONNECTION_RETRY_TIMEOUT_MS_CONFIG;
import static io.ferry.source.MySqlSourceConfig.CONNECT_TIMEOUT_MS_CONFIG;
import static io.ferry.source.MySqlSourceConfig.DATABASE_EXCLUDE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.DATABASE_HOSTNAME_CONFIG;
import static io.ferry.source.MySqlSourceConfig.DATABASE_INCLUDE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.DATABASE_PASSWORD_CONFIG;
import static io.ferry.source.MySqlSourceConfig.DATABASE_PORT_CONFIG;
import static io.ferry.source.MySqlSourceConfig.DATABASE_SERVER_ID_CONFIG;
import static io.ferry.source.MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_PASSWORD_CONFIG;
import static io.ferry.source.MySqlSourceConfig.DATABASE_USER_CONFIG;
import static io.ferry.source.MySqlSourceConfig.DERIVED_SERVER_ID_BASE;
import static io.ferry.source.MySqlSourceConfig.FIELD_NAME_ADJUSTMENT_MODE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.GROUP_CONNECTION;
import static io.ferry.source.MySqlSourceConfig.GROUP_SELECTION;
import static io.ferry.source.MySqlSourceConfig.GROUP_SNAPSHOT;
import static io.ferry.source.MySqlSourceConfig.GROUP_STREAMING;
import static io.ferry.source.MySqlSourceConfig.GROUP_TOPICS;
import static io.ferry.source.MySqlSourceConfig.HEARTBEAT_INTERVAL_MS_CONFIG;
import static io.ferry.source.MySqlSourceConfig.HEARTBEAT_TABLE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.INCLUDE_SCHEMA_COMMENTS_CONFIG;
import static io.ferry.source.MySqlSourceConfig.MAX_BATCH_SIZE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.MAX_BYTES_PER_SECOND_CONFIG;
import static io.ferry.source.MySqlSourceConfig.MAX_QUEUE_SIZE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.MAX_ROWS_PER_SECOND_CONFIG;
import static io.ferry.source.MySqlSourceConfig.ONLINE_DDL_MODE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.ONLINE_DDL_SHADOW_TABLES_CONFIG;
import static io.ferry.source.MySqlSourceConfig.ONLINE_DDL_TRASH_TABLES_CONFIG;
import static io.ferry.source.MySqlSourceConfig.POLL_INTERVAL_MS_CONFIG;
import static io.ferry.source.MySqlSourceConfig.RETRY_TIMEOUT_MS_CONFIG;
import static io.ferry.source.MySqlSourceConfig.SNAPSHOT_CHUNK_SIZE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.SNAPSHOT_FETCH_SIZE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.SNAPSHOT_MAX_BYTES_PER_SECOND_CONFIG;
import static io.ferry.source.MySqlSourceConfig.SNAPSHOT_MAX_QUERIES_PER_SECOND_CONFIG;
import static io.ferry.source.MySqlSourceConfig.SNAPSHOT_MAX_ROWS_PER_SECOND_CONFIG;
import static io.ferry.source.MySqlSourceConfig.SNAPSHOT_MODE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.TABLE_EXCLUDE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.TABLE_INCLUDE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.TABLE_OPERATIONS_CONFIG;
import static io.ferry.source.MySqlSourceConfig.TIME_PRECISION_MODE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.TOMBSTONES_ON_DELETE_CONFIG;
import static io.ferry.source.MySqlSourceConfig.TOPIC_PREFIX_CONFIG;

import io.ferry.source.SourceConfigValidators.HeartbeatTable;
import io.ferry.source.SourceConfigValidators.OperationList;
import io.ferry.source.SourceConfigValidators.Regex;
import io.ferry.source.SourceConfigValidators.RegexList;
import io.ferry.source.schema.ColumnDefaultsMode;
import io.ferry.source.schema.TimePrecisionMode;
import io.ferry.source.schema.convert.FieldNameAdjustment;
import io.ferry.source.stream.OnlineDdlMode;
import io.ferry.source.tls.SslMode;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The definition of every {@link MySqlSourceConfig} key: type, default, validator, importance, documentation,
 * group and order. The generated reference ({@code docs/source-config.md}) is made from it.
 */
final class SourceConfigDef {

    private SourceConfigDef() {
    }

    static ConfigDef build() {
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
        def.define(DATABASE_SSL_MODE_CONFIG, Type.STRING, SslMode.DISABLED.configValue(),
                ConfigDef.ValidString.in(SslMode.configValues()), Importance.HIGH,
                "TLS on every connection to the source (snapshot, binlog and validation alike), as Debezium's key of"
                        + " the same name. disabled: plain TCP. preferred: TLS when the server offers it, plain TCP"
                        + " otherwise. required: TLS or no connection. Neither checks the server certificate, so"
                        + " they protect against eavesdropping only. verify_ca: as required, and the server"
                        + " certificate must be signed by a CA of database.ssl.truststore. verify_identity: as"
                        + " verify_ca, and the certificate must also name database.hostname (a DNS or IP subject"
                        + " alternative name, else the common name). An account created with REQUIRE SSL needs"
                        + " preferred or stricter.",
                GROUP_CONNECTION, ++order, Width.SHORT, "SSL mode");
        def.define(DATABASE_SSL_TRUSTSTORE_CONFIG, Type.STRING, "", new ConfigDef.NonNullValidator(),
                Importance.MEDIUM, "Path, on every Connect worker, of a JKS or PKCS12 file with the CA certificate(s)"
                        + " that signed the server certificate (keytool -importcert makes one from a PEM file)."
                        + " Required by, and only read in, database.ssl.mode verify_ca and verify_identity.",
                GROUP_CONNECTION, ++order, Width.LONG, "SSL truststore");
        def.define(DATABASE_SSL_TRUSTSTORE_PASSWORD_CONFIG, Type.PASSWORD, "", Importance.MEDIUM,
                "Password of database.ssl.truststore; empty for a truststore saved without one. Use a config"
                        + " provider to keep it out of the connector config, as database.password.",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "SSL truststore password");

        order = 0;
        def.define(TOPIC_PREFIX_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new TopicPrefixValidator(),
                Importance.HIGH, "Prefix of every topic this connector writes: row changes of table db.t go to"
                        + " <topic.prefix>.db.t, schema changes to <topic.prefix>. It also names the source in the"
                        + " events' source.name field, so it must stay the same for the connector's lifetime.",
                GROUP_TOPICS, ++order, Width.MEDIUM, "Topic prefix");
        def.define(TOMBSTONES_ON_DELETE_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM, "Whether a delete event is"
                        + " followed by a tombstone (same key, null value), so that log compaction can drop the row.",
                GROUP_TOPICS, ++order, Width.SHORT, "Tombstones on delete");
        def.define(COLUMN_DEFAULTS_CONFIG, Type.STRING, ColumnDefaultsMode.NOT_NULL.configValue(),
                ConfigDef.ValidString.in(ColumnDefaultsMode.configValues()), Importance.MEDIUM,
                "Which column DEFAULTs the field schemas carry: all (as Debezium), not_null (only those of NOT NULL"
                        + " columns) or none. A zero date in a NOT NULL column is emitted as its DEFAULT unless none."
                        + " Connect's JSON converter (unless replace.null.with.default=false) writes a field's"
                        + " default in place of null (Avro converters may too), so with all a NULL in a column that"
                        + " has a DEFAULT reaches consumers and the destination as that DEFAULT: use all only with"
                        + " converters that keep nulls, on the source and the sink side.",
                GROUP_TOPICS, ++order, Width.SHORT, "Column defaults");
        def.define(INCLUDE_SCHEMA_COMMENTS_CONFIG, Type.BOOLEAN, false, Importance.LOW,
                "Whether each column's COMMENT (when not empty) becomes its field schema's doc, and the table's"
                        + " COMMENT the row struct's doc, as Debezium's key of the same name. For Avro converters the"
                        + " row and key structs also get the parameter io.confluent.connect.avro.field.doc.<field>,"
                        + " and the row struct io.confluent.connect.avro.record.doc, which they write as the Avro"
                        + " field's and record's doc. Snapshot and stream read comments from information_schema and"
                        + " re-read them after DDL on the table. A changed comment changes the schema: a schema"
                        + " registry stores a new version.",
                GROUP_TOPICS, ++order, Width.SHORT, "Include schema comments");
        def.define(TIME_PRECISION_MODE_CONFIG, Type.STRING,
                TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS.configValue(),
                ConfigDef.ValidString.in(TimePrecisionMode.configValues()), Importance.MEDIUM,
                "How DATE, DATETIME and TIME columns become fields, as Debezium's key of the same name."
                        + " adaptive_time_microseconds: Debezium's io.debezium.time types (Date, Timestamp or"
                        + " MicroTimestamp by precision, MicroTime), exact to the microsecond; TIME is a signed"
                        + " duration of any length. connect: Kafka Connect's Date, Timestamp and Time, which Avro"
                        + " converters write as the logical types date, timestamp-millis and time-millis; they hold"
                        + " milliseconds, so the microseconds of DATETIME(4-6) and TIME(4-6) are truncated, and a TIME"
                        + " outside 00:00:00-23:59:59.999999 (negative, or 24 h and more) fails the task, as does a"
                        + " DATETIME(4-6) or TIME(4-6) key column (rows could share a key). Both modes"
                        + " emit TIMESTAMP as an io.debezium.time.ZonedTimestamp string and YEAR as an int32. Keep"
                        + " the mode for the connector's lifetime: a snapshot resumed under the other mode cannot"
                        + " compare its stored chunk boundaries with the new keys, and consumers see another schema.",
                GROUP_TOPICS, ++order, Width.SHORT, "Time precision mode");
        def.define(FIELD_NAME_ADJUSTMENT_MODE_CONFIG, Type.STRING, FieldNameAdjustment.NONE.configValue(),
                ConfigDef.ValidString.in(FieldNameAdjustment.configValues()), Importance.MEDIUM,
                "How column names become field names: none (unchanged) or avro (valid Avro names: characters"
                        + " other than ASCII letters, digits and _ become _, and a name starting with a digit gets a"
                        + " leading _). Set avro with an Avro converter when a column name starts with a digit or"
                        + " holds $, - or other punctuation; Ferry's sink maps the adjusted names back to columns.",
                GROUP_TOPICS, ++order, Width.SHORT, "Field name adjustment");

        order = 0;
        def.define(DATABASE_INCLUDE_CONFIG, Type.LIST, "", new RegexList(), Importance.HIGH,
                "Regular expressions matched against whole database names; only matching databases are captured."
                        + " Empty captures every database except the server's own schemas.",
                GROUP_SELECTION, ++order, Width.LONG, "Databases to include");
        def.define(DATABASE_EXCLUDE_CONFIG, Type.LIST, "", new RegexList(), Importance.MEDIUM,
                "Regular expressions matched against whole database names; matching databases are not captured.",
                GROUP_SELECTION, ++order, Width.LONG, "Databases to exclude");
        def.define(TABLE_INCLUDE_CONFIG, Type.LIST, "", new RegexList(), Importance.HIGH,
                "Regular expressions matched against whole db.table names; only matching tables are captured."
                        + " Empty captures every table of the selected databases.",
                GROUP_SELECTION, ++order, Width.LONG, "Tables to include");
        def.define(TABLE_EXCLUDE_CONFIG, Type.LIST, "", new RegexList(), Importance.MEDIUM,
                "Regular expressions matched against whole db.table names; matching tables are not captured.",
                GROUP_SELECTION, ++order, Width.LONG, "Tables to exclude");
        def.define(COLUMN_EXCLUDE_CONFIG, Type.LIST, "", new RegexList(), Importance.MEDIUM,
                "Regular expressions matched against whole db.table.column names; matching columns are left out of"
                        + " events (snapshot and stream alike). Key columns cannot be excluded.",
                GROUP_SELECTION, ++order, Width.LONG, "Columns to exclude");
        def.define(TABLE_OPERATIONS_CONFIG, Type.LIST, "", new OperationList(), Importance.MEDIUM,
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
        def.define(ONLINE_DDL_SHADOW_TABLES_CONFIG, Type.STRING, "^_(.+)_(?:gho|new)$", new Regex(),
                Importance.LOW, "Regular expression on table names (without database) of the shadow tables an"
                        + " online schema change tool builds, for online.ddl.mode=gh-ost.",
                GROUP_SELECTION, ++order, Width.MEDIUM, "Shadow tables");
        def.define(ONLINE_DDL_TRASH_TABLES_CONFIG, Type.STRING, "^_(.+)_(?:ghc|del|old)$", new Regex(),
                Importance.LOW, "Regular expression on table names (without database) of the changelog and"
                        + " leftover tables of an online schema change tool, for online.ddl.mode=gh-ost.",
                GROUP_SELECTION, ++order, Width.MEDIUM, "Trash tables");

        order = 0;
        def.define(SNAPSHOT_MODE_CONFIG, Type.STRING, SnapshotMode.INITIAL.configValue(),
                ConfigDef.ValidString.in(SnapshotMode.configValues()), Importance.HIGH,
                "When to snapshot: initial (snapshot the selected tables, then stream the binlog), initial_only"
                        + " (snapshot only, then the tasks stop producing), never (stream from the current position"
                        + " or the stored offset), when_needed (as initial, and snapshot again if the stored binlog"
                        + " position has been purged from the server: its file, or, where the offset resumes by GTID"
                        + " set, a transaction the set lacks).",
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
        def.define(HEARTBEAT_TABLE_CONFIG, Type.STRING, "", new HeartbeatTable(), Importance.LOW,
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
}
