package io.ferry.sink.it;

import io.ferry.sink.MySqlSinkConfig;
import io.ferry.sink.MySqlSinkConnector;
import io.ferry.source.it.SourceConnectors;
import io.ferry.testkit.mysql.MySqlServer;
import java.util.HashMap;
import java.util.Map;

/** Connector configs for the sink's integration tests: Ferry's source into topics, Ferry's sink out of them. */
final class Pipelines {

    /**
     * Connector-level JSON converters (schemas on) that keep a null a null. Connect's JSON converter, by default
     * ({@code replace.null.with.default=true}), writes a field's default in place of a null value and reads a
     * JSON null back as the default, so a NULL in a nullable column with a DEFAULT would reach the destination
     * as the DEFAULT wherever the field schema carries it (Debezium always, Ferry with {@code column.defaults=all}).
     * The converter settings apply only where the connector config also names the converter class.
     */
    static final Map<String, String> NULL_KEEPING_CONVERTERS = Map.of(
            "key.converter", "org.apache.kafka.connect.json.JsonConverter",
            "key.converter.schemas.enable", "true",
            "key.converter.replace.null.with.default", "false",
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter.schemas.enable", "true",
            "value.converter.replace.null.with.default", "false");

    private Pipelines() {
    }

    static Map<String, String> source(MySqlServer server, String prefix, String tableInclude, int tasks) {
        return SourceConnectors.config(server, prefix, tableInclude, tasks);
    }

    /**
     * Key and value converters for Avro through a schema registry, as a connector config sets them (see
     * docs/avro.md): Apicurio's converter, shipped in both plugins, framing records as Confluent does.
     */
    static Map<String, String> avroConverters(String registryApiUrl) {
        Map<String, String> config = new HashMap<>();
        for (String side : new String[] {"key.converter", "value.converter"}) {
            config.put(side, "io.apicurio.registry.utils.converter.AvroConverter");
            config.put(side + ".apicurio.registry.url", registryApiUrl);
            config.put(side + ".apicurio.registry.auto-register", "true");
            config.put(side + ".apicurio.registry.as-confluent", "true");
            config.put(side + ".apicurio.registry.use-id", "contentId");
            config.put(side + ".apicurio.registry.headers.enabled", "false");
        }
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
