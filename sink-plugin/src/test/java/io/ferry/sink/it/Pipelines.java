package io.ferry.sink.it;

import io.ferry.sink.MySqlSinkConfig;
import io.ferry.sink.MySqlSinkConnector;
import io.ferry.source.MySqlSourceConfig;
import io.ferry.source.MySqlSourceConnector;
import io.ferry.testkit.mysql.MySqlServer;
import java.util.HashMap;
import java.util.Map;

/** Connector configs for the sink's integration tests: Ferry's source into topics, Ferry's sink out of them. */
final class Pipelines {

    private Pipelines() {
    }

    static Map<String, String> source(MySqlServer server, String prefix, String tableInclude, int tasks) {
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
        config.put(MySqlSourceConfig.DATABASE_SERVER_ID_CONFIG,
                String.valueOf(8000 + Math.abs(prefix.hashCode() % 1000) * 10));
        return config;
    }

    static Map<String, String> sink(MySqlServer destination, String topicsRegex, int tasks) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", MySqlSinkConnector.class.getName());
        config.put("tasks.max", String.valueOf(tasks));
        config.put("topics.regex", topicsRegex);
        config.put(MySqlSinkConfig.CONNECTION_HOSTNAME_CONFIG, destination.host());
        config.put(MySqlSinkConfig.CONNECTION_PORT_CONFIG, String.valueOf(destination.port()));
        config.put(MySqlSinkConfig.CONNECTION_USER_CONFIG, destination.user());
        config.put(MySqlSinkConfig.CONNECTION_PASSWORD_CONFIG, destination.password());
        return config;
    }
}
