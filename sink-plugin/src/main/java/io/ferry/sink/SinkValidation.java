package io.ferry.sink;

import io.ferry.common.config.UnknownKeys;
import io.ferry.common.server.DestinationServerChecks;
import io.ferry.common.server.Finding;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The checks of {@code PUT /connector-plugins/.../config/validate} beyond single keys: unknown keys, JSON converters
 * named here that would turn nulls into defaults ({@link NullKeepingConverters}), cross-key rules, then
 * connectivity and write privileges against the real destination, each attached to the key to change
 * (unreachable server: {@code connection.hostname}; credentials and privileges: {@code connection.user}).
 */
final class SinkValidation {

    /** Keys and key prefixes that Kafka Connect itself reads from a sink connector's config. */
    private static final UnknownKeys UNKNOWN_KEYS = new UnknownKeys("the MySQL sink connector",
            Set.of("name", "connector.class", "tasks.max", "tasks.max.enforce", "config.action.reload", "topics",
                    "topics.regex", "plugin.version"),
            List.of("key.converter", "value.converter", "header.converter", "transforms", "predicates", "errors.",
                    "consumer.override.", "admin.override."));

    private SinkValidation() {
    }

    static Config validate(Map<String, String> props, Config perKey) {
        Map<String, ConfigValue> values = perKey.configValues().stream()
                .collect(Collectors.toMap(ConfigValue::name, Function.identity()));
        UNKNOWN_KEYS.find(props, MySqlSinkConfig.CONFIG_DEF.names()).forEach((key, message) -> {
            ConfigValue unknown = new ConfigValue(key, props.get(key), List.of(), new ArrayList<>(List.of(message)));
            perKey.configValues().add(unknown);
            values.put(key, unknown);
        });
        NullKeepingConverters.problems(props).forEach((key, message) -> {
            ConfigValue converter = new ConfigValue(key, props.get(key), List.of(), new ArrayList<>(List.of(message)));
            perKey.configValues().add(converter);
            values.put(key, converter);
        });
        if (values.values().stream().anyMatch(v -> !v.errorMessages().isEmpty())) {
            return perKey; // fix the single keys first
        }
        MySqlSinkConfig config = new MySqlSinkConfig(props);
        Map<String, String> crossKey = config.crossKeyProblems();
        if (!crossKey.isEmpty()) {
            crossKey.forEach((key, problem) -> values.get(key).addErrorMessage(key + " " + problem));
            return perKey;
        }
        try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.user(),
                config.password().value())) {
            for (Finding finding : DestinationServerChecks.applyGrants(connection)) {
                if (finding.failed()) {
                    values.get(MySqlSinkConfig.CONNECTION_USER_CONFIG).addErrorMessage(finding.describe());
                }
            }
        } catch (SQLException e) {
            boolean credentials = "28000".equals(e.getSQLState());
            String key = credentials ? MySqlSinkConfig.CONNECTION_USER_CONFIG
                    : MySqlSinkConfig.CONNECTION_HOSTNAME_CONFIG;
            values.get(key).addErrorMessage((credentials ? "Access denied: " : "Cannot connect to "
                    + config.hostname() + ":" + config.port() + ": ") + e.getMessage());
        }
        return perKey;
    }
}
