package io.ferry.sink.it;

import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.mysql.MySqlServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configs of the real Debezium MariaDB connector for {@link DebeziumInteropIT}: what it needs to run against a
 * test server, and the value-handling settings under which its events carry every value exactly.
 */
final class DebeziumConnectors {

    static final String CONNECTOR_CLASS = "io.debezium.connector.mariadb.MariaDbConnector";

    private DebeziumConnectors() {
    }

    /**
     * Debezium's defaults for every value-handling setting, with only what running here requires: the server,
     * the captured database, the schema history topic, no locks, and YEAR read as a number (MariaDB Connector/J
     * otherwise presents YEAR as a {@code java.sql.Date} and fails on year 0000 during the snapshot).
     */
    static Map<String, String> defaults(MySqlServer source, ConnectCluster connect, String prefix, String database,
                                        int serverId) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", CONNECTOR_CLASS);
        config.put("tasks.max", "1");
        config.put("database.hostname", source.host());
        config.put("database.port", String.valueOf(source.port()));
        config.put("database.user", source.user());
        config.put("database.password", source.password());
        config.put("database.server.id", String.valueOf(serverId));
        config.put("topic.prefix", prefix);
        config.put("database.include.list", database);
        config.put("schema.history.internal.kafka.bootstrap.servers", connect.bootstrapServers());
        config.put("schema.history.internal.kafka.topic", "__" + prefix + "-schema-history");
        config.put("include.schema.changes", "false");
        config.put("snapshot.locking.mode", "none");
        config.put("database.yearIsDateType", "false");
        return config;
    }

    /**
     * {@link #defaults} plus the settings under which the sink reproduces every value: unsigned BIGINT as a
     * Decimal (the default {@code long} wraps values above 2^63 to negative numbers) and no time adjuster (the
     * default reads the years 0-99 of a DATE as two-digit years: 0-69 as 2000-2069, 70-99 as 1970-1999). The
     * others restate Debezium's defaults, which are exact, so that a changed default cannot silently break the
     * test: DECIMAL as Connect Decimal (not {@code double}), temporal values in microseconds (not
     * {@code connect}, which keeps milliseconds and cannot hold a negative TIME), bytes as bytes (not base64 or
     * hex text, which the sink would store as text).
     */
    static Map<String, String> exact(MySqlServer source, ConnectCluster connect, String prefix, String database,
                                     int serverId) {
        Map<String, String> config = defaults(source, connect, prefix, database, serverId);
        config.put("bigint.unsigned.handling.mode", "precise");
        config.put("enable.time.adjuster", "false");
        config.put("decimal.handling.mode", "precise");
        config.put("time.precision.mode", "adaptive_time_microseconds");
        config.put("binary.handling.mode", "bytes");
        return config;
    }
}
