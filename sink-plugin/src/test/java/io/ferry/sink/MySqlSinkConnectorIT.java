package io.ferry.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.connect.Validation;
import io.ferry.testkit.mysql.MySqlServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Smoke test of the infrastructure the sink connector is tested on: a source and a destination server with
 * binlog on, and a two-worker Connect cluster that loads the connector through service loading.
 */
class MySqlSinkConnectorIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(2).build();

    @Test
    void workersListTheConnectorAndBothServersAreUp() {
        assertThat(CONNECT.connectorPluginClasses()).contains(MySqlSinkConnector.class.getName());
        assertThat(SOURCE.variable("log_bin")).isEqualTo("ON");
        assertThat(DESTINATION.variable("log_bin")).isEqualTo("ON");
    }

    @Test
    void validationOfAConfigWithoutConnectionNamesTheMissingKeys() {
        Map<String, List<String>> errors = Validation.errorsByKey(CONNECT.validate(
                MySqlSinkConnector.class.getName(), Map.of("name", "smoke-validate", "topics", "shop.orders")));
        assertThat(errors).containsOnlyKeys(MySqlSinkConfig.CONNECTION_HOSTNAME_CONFIG,
                MySqlSinkConfig.CONNECTION_USER_CONFIG);
    }

    @Test
    void aDeployedConnectorReportsThatApplyingIsNotImplementedYet() {
        String name = "smoke-sink";
        CONNECT.kafka().createTopic("smoke.shop.orders");
        CONNECT.deploy(name, Map.of(
                "connector.class", MySqlSinkConnector.class.getName(),
                "tasks.max", "1",
                "topics", "smoke.shop.orders",
                MySqlSinkConfig.CONNECTION_HOSTNAME_CONFIG, DESTINATION.host(),
                MySqlSinkConfig.CONNECTION_PORT_CONFIG, String.valueOf(DESTINATION.port()),
                MySqlSinkConfig.CONNECTION_USER_CONFIG, DESTINATION.user()));
        assertThat(CONNECT.awaitTaskFailure(name, Duration.ofSeconds(60))).contains("does not apply records yet");
        CONNECT.delete(name);
    }
}
