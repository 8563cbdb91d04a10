package io.ferry.source;

import io.ferry.common.config.UnknownKeys;
import io.ferry.common.server.Finding;
import io.ferry.common.server.SourceServerChecks;
import io.ferry.source.tls.SslMode;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The checks of {@code PUT /connector-plugins/.../config/validate} beyond single keys: cross-key rules, then
 * connectivity, binlog settings and privileges against the real server. Each problem is attached to the key
 * the user has to change: server settings to {@code database.hostname} (the server to fix or replace),
 * privileges and credentials to {@code database.user}, a failed TLS handshake to {@code database.ssl.mode}.
 */
final class SourceValidation {

    /** Keys and key prefixes that Kafka Connect itself reads from a source connector's config. */
    private static final UnknownKeys UNKNOWN_KEYS = new UnknownKeys("the MySQL source connector",
            Set.of("name", "connector.class", "tasks.max", "tasks.max.enforce", "config.action.reload",
                    "exactly.once.support", "offsets.storage.topic", "plugin.version"),
            List.of("key.converter", "value.converter", "header.converter", "transforms", "predicates", "errors.",
                    "topic.creation.", "transaction.boundary", "producer.override.", "consumer.override.",
                    "admin.override.", MySqlSourceConfig.ROW_FILTER_PREFIX));

    private SourceValidation() {
    }

    static Config validate(Map<String, String> props, Config perKey) {
        Map<String, ConfigValue> values = perKey.configValues().stream()
                .collect(Collectors.toMap(ConfigValue::name, Function.identity()));
        UNKNOWN_KEYS.find(props, MySqlSourceConfig.CONFIG_DEF.names()).forEach((key, message) ->
                perKey.configValues().add(new ConfigValue(key, props.get(key), List.of(),
                        new ArrayList<>(List.of(message)))));
        props.forEach((key, value) -> {
            if (key.startsWith(MySqlSourceConfig.ROW_FILTER_PREFIX)) {
                try {
                    MySqlSourceConfig.rowFilters(Map.of(key, value));
                } catch (ConfigException e) {
                    ConfigValue bad = new ConfigValue(key, value, List.of(), new ArrayList<>(List.of(e.getMessage())));
                    perKey.configValues().add(bad);
                    values.put(key, bad);
                }
            }
        });
        if (values.values().stream().anyMatch(v -> !v.errorMessages().isEmpty())) {
            return perKey; // fix the single keys first; connecting with a broken config says nothing useful
        }
        MySqlSourceConfig config = new MySqlSourceConfig(props, false);
        Map<String, String> crossKey = config.crossKeyProblems();
        if (!crossKey.isEmpty()) {
            crossKey.forEach((key, problem) -> values.get(key).addErrorMessage(key + " " + problem));
            return perKey;
        }
        if (config.tls().mode().verifies()) {
            try {
                config.tls().sslContext();
            } catch (IOException | GeneralSecurityException e) {
                values.get(MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_CONFIG).addErrorMessage("Cannot read the"
                        + " truststore " + config.tls().truststore() + ": " + e.getMessage());
                return perKey;
            }
        }
        try (Connection connection = config.connect()) {
            for (Finding finding : SourceServerChecks.binlogSettings(connection)) {
                if (finding.failed()) {
                    values.get(MySqlSourceConfig.DATABASE_HOSTNAME_CONFIG).addErrorMessage(finding.describe());
                }
            }
            for (Finding finding : SourceServerChecks.captureGrants(connection)) {
                if (finding.failed()) {
                    values.get(MySqlSourceConfig.DATABASE_USER_CONFIG).addErrorMessage(finding.describe());
                }
            }
        } catch (SQLException e) {
            reportConnectFailure(config, e, values);
        }
        return perKey;
    }

    private static void reportConnectFailure(MySqlSourceConfig config, SQLException e,
                                             Map<String, ConfigValue> values) {
        String server = config.hostname() + ":" + config.port();
        SslMode mode = config.tls().mode();
        if ("28000".equals(e.getSQLState())) {
            // The server says no more than "access denied" to an account that requires TLS and got none.
            String hint = mode == SslMode.DISABLED ? " (if the account requires TLS, set "
                    + MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG + " to required or stricter)" : "";
            values.get(MySqlSourceConfig.DATABASE_USER_CONFIG).addErrorMessage("Access denied: " + e.getMessage()
                    + hint);
            return;
        }
        Optional<Throwable> tls = tlsFailure(e);
        if (tls.isPresent()) {
            // Connector/J's message is a generic link failure; the handshake's or the certificate check's own
            // says what was wrong.
            values.get(MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG).addErrorMessage("TLS with " + server
                    + " failed (" + MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG + "=" + mode.configValue() + "): "
                    + tls.get().getMessage());
            return;
        }
        values.get(MySqlSourceConfig.DATABASE_HOSTNAME_CONFIG).addErrorMessage("Cannot connect to " + server + ": "
                + e.getMessage());
    }

    /** A failed handshake, or Connector/J's host name check, which runs after the handshake. */
    private static Optional<Throwable> tlsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
