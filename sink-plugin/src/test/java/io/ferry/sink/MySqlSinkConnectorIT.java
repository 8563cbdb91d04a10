package io.ferry.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.connect.Validation;
import io.ferry.testkit.mysql.MySqlServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code PUT /connector-plugins/.../config/validate} through a real worker: each misconfiguration is reported on
 * the key the user has to change, and a valid config against a real destination has no errors.
 */
class MySqlSinkConnectorIT {

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).build();

    @Test
    void theWorkerListsTheConnector() {
        assertThat(CONNECT.connectorPluginClasses()).contains(MySqlSinkConnector.class.getName());
    }

    @Test
    void missingConnectionKeysAreNamed() {
        assertThat(errors(Map.of("name", "v", "topics", "shop.orders")))
                .containsOnlyKeys(MySqlSinkConfig.CONNECTION_HOSTNAME_CONFIG, MySqlSinkConfig.CONNECTION_USER_CONFIG);
    }

    @Test
    void aValidConfigHasNoErrors() {
        assertThat(errors(valid())).isEmpty();
    }

    @Test
    void anUnreachableServerIsReportedOnTheHostname() {
        Map<String, String> config = valid();
        config.put(MySqlSinkConfig.CONNECTION_PORT_CONFIG, "1");
        assertThat(errors(config)).containsOnlyKeys(MySqlSinkConfig.CONNECTION_HOSTNAME_CONFIG)
                .extractingByKey(MySqlSinkConfig.CONNECTION_HOSTNAME_CONFIG).asString().contains("Cannot connect");
    }

    @Test
    void wrongCredentialsAndMissingPrivilegesAreReportedOnTheUser() {
        Map<String, String> config = valid();
        config.put(MySqlSinkConfig.CONNECTION_PASSWORD_CONFIG, "wrong");
        assertThat(errors(config)).containsOnlyKeys(MySqlSinkConfig.CONNECTION_USER_CONFIG)
                .extractingByKey(MySqlSinkConfig.CONNECTION_USER_CONFIG).asString().contains("Access denied");

        DESTINATION.execute("CREATE USER IF NOT EXISTS 'reader'@'%' IDENTIFIED BY 'r'",
                "GRANT SELECT ON *.* TO 'reader'@'%'");
        config.put(MySqlSinkConfig.CONNECTION_USER_CONFIG, "reader");
        config.put(MySqlSinkConfig.CONNECTION_PASSWORD_CONFIG, "r");
        assertThat(errors(config)).containsOnlyKeys(MySqlSinkConfig.CONNECTION_USER_CONFIG)
                .extractingByKey(MySqlSinkConfig.CONNECTION_USER_CONFIG).asString()
                .contains("INSERT").contains("UPDATE").contains("DELETE").doesNotContain("lacks SELECT");
    }

    @Test
    void badValuesAndInvertedRetryWindowsAreReportedOnTheirKeys() {
        Map<String, String> config = valid();
        config.put(MySqlSinkConfig.SNAPSHOT_CONFLICT_POLICY_CONFIG, "replace");
        config.put(MySqlSinkConfig.MAPPING_RULES_CONFIG, "shop.orders.a.b.c=x");
        config.put(MySqlSinkConfig.TABLE_ROUTING_TOPIC_REGEX_CONFIG, "^(.*)$");
        config.put("conection.user", "typo");
        assertThat(errors(config)).containsOnlyKeys(MySqlSinkConfig.SNAPSHOT_CONFLICT_POLICY_CONFIG,
                MySqlSinkConfig.MAPPING_RULES_CONFIG, MySqlSinkConfig.TABLE_ROUTING_TOPIC_REGEX_CONFIG,
                "conection.user");
        assertThat(errors(config).get("conection.user")).singleElement().asString()
                .contains("did you mean 'connection.user'");

        Map<String, String> inverted = valid();
        inverted.put(MySqlSinkConfig.CONNECTION_RETRY_TIMEOUT_MS_CONFIG, "1000");
        inverted.put(MySqlSinkConfig.RETRY_TIMEOUT_MS_CONFIG, "5000");
        assertThat(errors(inverted)).containsOnlyKeys(MySqlSinkConfig.RETRY_TIMEOUT_MS_CONFIG);
    }

    private static Map<String, String> valid() {
        Map<String, String> config = new HashMap<>();
        config.put("name", "validate");
        config.put("topics", "shop.orders");
        config.put(MySqlSinkConfig.CONNECTION_HOSTNAME_CONFIG, DESTINATION.host());
        config.put(MySqlSinkConfig.CONNECTION_PORT_CONFIG, String.valueOf(DESTINATION.port()));
        config.put(MySqlSinkConfig.CONNECTION_USER_CONFIG, DESTINATION.user());
        config.put(MySqlSinkConfig.CONNECTION_PASSWORD_CONFIG, DESTINATION.password());
        return config;
    }

    private static Map<String, List<String>> errors(Map<String, String> config) {
        return Validation.errorsByKey(CONNECT.validate(MySqlSinkConnector.class.getName(), config));
    }
}
