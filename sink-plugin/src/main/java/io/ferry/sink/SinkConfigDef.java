package io.ferry.sink;

import static io.ferry.sink.MySqlSinkConfig.BATCH_MAX_ROWS_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.COLUMN_EXCLUDE_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.CONNECTION_HOSTNAME_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.CONNECTION_PARAMS_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.CONNECTION_PASSWORD_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.CONNECTION_PORT_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.CONNECTION_PORT_DEFAULT;
import static io.ferry.sink.MySqlSinkConfig.CONNECTION_RETRY_TIMEOUT_MS_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.CONNECTION_USER_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.DDL_APPLY_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.DEFAULT_SQL_MODE;
import static io.ferry.sink.MySqlSinkConfig.DEFAULT_TOPIC_REGEX;
import static io.ferry.sink.MySqlSinkConfig.GROUP_APPLY;
import static io.ferry.sink.MySqlSinkConfig.GROUP_CONNECTION;
import static io.ferry.sink.MySqlSinkConfig.GROUP_OFFSETS;
import static io.ferry.sink.MySqlSinkConfig.GROUP_RETRIES;
import static io.ferry.sink.MySqlSinkConfig.GROUP_ROUTING;
import static io.ferry.sink.MySqlSinkConfig.MAPPING_CASE_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.MAPPING_RULES_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.MAX_BYTES_PER_SECOND_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.MAX_ROWS_PER_SECOND_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.OFFSETS_DATABASE_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.OFFSETS_TABLE_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.RETRY_TIMEOUT_MS_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.SESSION_SQL_MODE_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.SNAPSHOT_CONFLICT_POLICY_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.STREAM_CONFLICT_POLICY_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.TABLE_ROUTING_CONFIG;
import static io.ferry.sink.MySqlSinkConfig.TABLE_ROUTING_TOPIC_REGEX_CONFIG;

import io.ferry.sink.SinkConfigValidators.CaseName;
import io.ferry.sink.SinkConfigValidators.MappingRules;
import io.ferry.sink.SinkConfigValidators.RegexList;
import io.ferry.sink.SinkConfigValidators.TopicRegex;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The definition of every {@link MySqlSinkConfig} key: type, default, validator, importance, documentation,
 * group and order. The generated reference ({@code docs/sink-config.md}) is made from it.
 */
final class SinkConfigDef {

    private SinkConfigDef() {
    }

    static ConfigDef build() {
        ConfigDef def = new ConfigDef();
        connection(def);
        routing(def);
        apply(def);
        offsets(def);
        retries(def);
        return def;
    }

    private static void connection(ConfigDef def) {
        int order = 0;
        def.define(CONNECTION_HOSTNAME_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                new ConfigDef.NonEmptyStringWithoutControlChars(), Importance.HIGH,
                "Host name or IP address of the destination MySQL or MariaDB server.",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "Hostname");
        def.define(CONNECTION_PORT_CONFIG, Type.INT, CONNECTION_PORT_DEFAULT, ConfigDef.Range.between(1, 65535),
                Importance.HIGH, "TCP port of the destination server.", GROUP_CONNECTION, ++order, Width.SHORT,
                "Port");
        def.define(CONNECTION_USER_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                Importance.HIGH, "User Ferry connects to the destination as. It needs SELECT, INSERT, UPDATE and"
                        + " DELETE on the mapped tables, CREATE, INSERT, UPDATE, DELETE and SELECT on"
                        + " offsets.database, and ALTER, DROP, CREATE and INDEX when ddl.apply is on.",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "User");
        def.define(CONNECTION_PASSWORD_CONFIG, Type.PASSWORD, "", Importance.HIGH, "Password of connection.user."
                        + " Use a config provider (e.g. ${file:/path:key}) to keep it out of the connector config.",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "Password");
        def.define(CONNECTION_PARAMS_CONFIG, Type.STRING, "", new ConfigDef.NonNullValidator(), Importance.LOW,
                "Extra MySQL Connector/J URL parameters, '&'-separated (e.g. sslMode=VERIFY_CA&trustCertificate"
                        + "KeyStoreUrl=file:/ca.jks). Ferry's own settings (batch rewriting, UTC) come first.",
                GROUP_CONNECTION, ++order, Width.LONG, "JDBC parameters");
    }

    private static void routing(ConfigDef def) {
        int order = 0;
        def.define(TABLE_ROUTING_CONFIG, Type.STRING, TableRouting.SOURCE.configValue(),
                ConfigDef.ValidString.in("source", "topic"), Importance.MEDIUM,
                "Where an event's source table comes from: 'source' reads source.db and source.table from the"
                        + " envelope (any topic name works); 'topic' matches the topic name with"
                        + " table.routing.topic.regex.", GROUP_ROUTING, ++order, Width.SHORT, "Table routing");
        def.define(TABLE_ROUTING_TOPIC_REGEX_CONFIG, Type.STRING, DEFAULT_TOPIC_REGEX, new TopicRegex(),
                Importance.LOW, "With table.routing=topic: a regex over the whole topic name whose group 1 is"
                        + " the source database and group 2 the source table. The default takes the last two"
                        + " dot-separated parts (<prefix>.<db>.<table>).", GROUP_ROUTING, ++order, Width.LONG,
                "Topic regex");
        def.define(MAPPING_RULES_CONFIG, Type.LIST, "", new MappingRules(), Importance.MEDIUM,
                "Name mapping rules, comma-separated: 'db=new_db' renames a database, 'db.t=new_db.new_t' or"
                        + " 'db.t=new_t' a table, 'db.t.c=new_c' a column. Back-quote names that contain dots,"
                        + " commas or '='. Unmapped names keep their source name (through mapping.case).",
                GROUP_ROUTING, ++order, Width.LONG, "Mapping rules");
        def.define(MAPPING_CASE_CONFIG, Type.STRING, "as-source", new CaseName(), Importance.LOW,
                "Letter case of destination names that no rule maps explicitly: as-source, lower or upper.",
                GROUP_ROUTING, ++order, Width.SHORT, "Name case");
        def.define(COLUMN_EXCLUDE_CONFIG, Type.LIST, "", new RegexList(), Importance.MEDIUM,
                "Regexes matched against db.table.column (source names); matching columns are not written. A"
                        + " field without a destination column is an error, never dropped silently: exclude it"
                        + " here.", GROUP_ROUTING, ++order, Width.LONG, "Excluded columns");
    }

    private static void apply(ConfigDef def) {
        int order = 0;
        String[] policies = {"keep-destination", "overwrite", "fail"};
        def.define(SNAPSHOT_CONFLICT_POLICY_CONFIG, Type.STRING, ConflictPolicy.KEEP_DESTINATION.configValue(),
                ConfigDef.ValidString.in(policies), Importance.HIGH,
                "What a snapshot read (op=r) does when the destination already has a row with its key:"
                        + " keep-destination (skip the event), overwrite, or fail.",
                GROUP_APPLY, ++order, Width.SHORT, "Snapshot conflict policy");
        def.define(STREAM_CONFLICT_POLICY_CONFIG, Type.STRING, ConflictPolicy.OVERWRITE.configValue(),
                ConfigDef.ValidString.in(policies), Importance.HIGH,
                "What a change (op=c/u) does when the destination already has a row with its key: overwrite"
                        + " (the source row wins), keep-destination, or fail. Deletes always delete by key.",
                GROUP_APPLY, ++order, Width.SHORT, "Stream conflict policy");
        def.define(BATCH_MAX_ROWS_CONFIG, Type.INT, 1000, ConfigDef.Range.between(1, 100_000), Importance.LOW,
                "Most rows in one multi-row INSERT or DELETE statement. All statements of one put() share one"
                        + " transaction; raise consumer.override.max.poll.records for bigger transactions.",
                GROUP_APPLY, ++order, Width.SHORT, "Rows per statement");
        def.define(DDL_APPLY_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM,
                "Replay schema-change events (the <topic.prefix> topic must be among the connector's topics) on"
                        + " the destination, with names rewritten through the mapping.",
                GROUP_APPLY, ++order, Width.SHORT, "Apply DDL");
        def.define(SESSION_SQL_MODE_CONFIG, Type.STRING, DEFAULT_SQL_MODE, new ConfigDef.NonNullValidator(),
                Importance.LOW, "sql_mode of the apply session. The default is strict (no silent truncation) but"
                        + " accepts zero dates, and keeps 0 in AUTO_INCREMENT columns, as a replica applier does.",
                GROUP_APPLY, ++order, Width.LONG, "SQL mode");
    }

    private static void offsets(ConfigDef def) {
        int order = 0;
        def.define(OFFSETS_DATABASE_CONFIG, Type.STRING, "ferry", new ConfigDef.NonEmptyStringWithoutControlChars(),
                Importance.LOW, "Destination database of the offsets table (created if missing).",
                GROUP_OFFSETS, ++order, Width.MEDIUM, "Offsets database");
        def.define(OFFSETS_TABLE_CONFIG, Type.STRING, "ferry_offsets",
                new ConfigDef.NonEmptyStringWithoutControlChars(), Importance.LOW,
                "Table holding, per connector, topic and partition, the next Kafka offset to apply. It is written"
                        + " in the same transaction as the rows, so a batch is never applied twice.",
                GROUP_OFFSETS, ++order, Width.MEDIUM, "Offsets table");
    }

    private static void retries(ConfigDef def) {
        int order = 0;
        def.define(CONNECTION_RETRY_TIMEOUT_MS_CONFIG, Type.LONG, 720L * 60_000, ConfigDef.Range.atLeast(0L),
                Importance.MEDIUM, "How long lost or refused destination connections are retried before the task"
                        + " fails. The default is 720 minutes.", GROUP_RETRIES, ++order, Width.SHORT,
                "Connection retry timeout");
        def.define(RETRY_TIMEOUT_MS_CONFIG, Type.LONG, 10L * 60_000, ConfigDef.Range.atLeast(0L), Importance.MEDIUM,
                "How long other failures (deadlocks, lock waits, constraint errors, a destination table or column"
                        + " not there yet) are retried before the task fails or, with errors.tolerance=all and a"
                        + " dead-letter topic, the failing records go there. Must not be larger than"
                        + " connection.retry.timeout.ms. The default is 10 minutes.",
                GROUP_RETRIES, ++order, Width.SHORT, "Retry timeout");
        def.define(MAX_ROWS_PER_SECOND_CONFIG, Type.LONG, 0L, ConfigDef.Range.atLeast(0L), Importance.LOW,
                "Most rows applied per second per task (DTS's RPS); 0 = unlimited.",
                GROUP_RETRIES, ++order, Width.SHORT, "Rows per second");
        def.define(MAX_BYTES_PER_SECOND_CONFIG, Type.LONG, 0L, ConfigDef.Range.atLeast(0L), Importance.LOW,
                "Most bytes of row data applied per second per task; 0 = unlimited.",
                GROUP_RETRIES, ++order, Width.SHORT, "Bytes per second");
    }
}
