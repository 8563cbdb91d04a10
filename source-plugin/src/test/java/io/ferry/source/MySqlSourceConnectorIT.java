package io.ferry.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.connect.Validation;
import io.ferry.testkit.mysql.MySqlServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Smoke test of the infrastructure the source connector is tested on: a source and a destination server
 * with binlog on, and a two-worker Connect cluster that loads the connector through service loading.
 */
class MySqlSourceConnectorIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(2).build();

    @Test
    void serversRunWithRowBinlogs() {
        assertThat(SOURCE.variable("binlog_format")).isEqualTo("ROW");
        assertThat(DESTINATION.variable("binlog_format")).isEqualTo("ROW");
    }

    @Test
    void workersListTheConnector() {
        assertThat(CONNECT.connectorPluginClasses()).contains(MySqlSourceConnector.class.getName());
    }

    @Test
    void validationOfAnEmptyConfigNamesTheMissingKeys() {
        Map<String, List<String>> errors = Validation.errorsByKey(
                CONNECT.validate(MySqlSourceConnector.class.getName(), Map.of("name", "smoke-validate")));
        assertThat(errors).containsOnlyKeys(MySqlSourceConfig.DATABASE_HOSTNAME_CONFIG,
                MySqlSourceConfig.DATABASE_USER_CONFIG, MySqlSourceConfig.TOPIC_PREFIX_CONFIG);
        assertThat(errors.get(MySqlSourceConfig.TOPIC_PREFIX_CONFIG))
                .containsExactly("Missing required configuration \"topic.prefix\" which has no default value.");
    }
}
