package io.ferry.source.it;

import io.ferry.source.MySqlSourceConfig;
import io.ferry.source.MySqlSourceConnector;
import io.ferry.testkit.mysql.MySqlServer;
import java.util.HashMap;
import java.util.Map;

/**
 * Connector configs for the integration tests: the server's connection, a prefix, and quick offsets. Public: the
 * sink's tests run the source with the same settings (through this module's test jar).
 */
public final class SourceConnectors {

    private SourceConnectors() {
    }

    public static Map<String, String> config(MySqlServer server, String prefix, String tableInclude, int tasks) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", MySqlSourceConnector.class.getName());
        config.put("tasks.max", String.valueOf(tasks));
        config.put(MySqlSourceConfig.DATABASE_HOSTNAME_CONFIG, server.host());
        config.put(MySqlSourceConfig.DATABASE_PORT_CONFIG, String.valueOf(server.port()));
        config.put(MySqlSourceConfig.DATABASE_USER_CONFIG, server.user());
        config.put(MySqlSourceConfig.DATABASE_PASSWORD_CONFIG, server.password());
        config.put(MySqlSourceConfig.TOPIC_PREFIX_CONFIG, prefix);
        config.put(MySqlSourceConfig.TABLE_INCLUDE_CONFIG, tableInclude);
        config.put(MySqlSourceConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
        config.put(MySqlSourceConfig.POLL_INTERVAL_MS_CONFIG, "200");
        // A distinct replica id per connector: tests run several connectors against one server.
        config.put(MySqlSourceConfig.DATABASE_SERVER_ID_CONFIG,
                String.valueOf(7000 + Math.abs(prefix.hashCode() % 1000) * 10));
        return config;
    }
}
