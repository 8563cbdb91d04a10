package io.ferry.source;

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
 * Each misconfiguration is reported by {@code PUT /connector-plugins/.../config/validate}, on the key the user
 * has to change, with a message that says how to fix it.
 */
class SourceValidationIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).build();

    private static Map<String, String> valid() {
        Map<String, String> config = new HashMap<>(Map.of(
                "name", "validate-me",
                MySqlSourceConfig.DATABASE_HOSTNAME_CONFIG, SOURCE.host(),
                MySqlSourceConfig.DATABASE_PORT_CONFIG, String.valueOf(SOURCE.port()),
                MySqlSourceConfig.DATABASE_USER_CONFIG, SOURCE.user(),
                MySqlSourceConfig.DATABASE_PASSWORD_CONFIG, SOURCE.password(),
                MySqlSourceConfig.TOPIC_PREFIX_CONFIG, "v"));
        return config;
    }

    private static Map<String, List<String>> errors(Map<String, String> config) {
        return Validation.errorsByKey(CONNECT.validate(MySqlSourceConnector.class.getName(), config));
    }

    @Test
    void aCorrectConfigHasNoErrors() {
        assertThat(errors(valid())).isEmpty();
    }

    @Test
    void statementBinlogFormatIsReportedOnTheHostWithTheFix() {
        SOURCE.execute("SET GLOBAL binlog_format = 'STATEMENT'");
        try {
            assertThat(errors(valid())).containsOnlyKeys(MySqlSourceConfig.DATABASE_HOSTNAME_CONFIG)
                    .extractingByKey(MySqlSourceConfig.DATABASE_HOSTNAME_CONFIG).asList().singleElement()
                    .asString().contains("binlog_format is STATEMENT", "Set binlog_format=ROW");
        } finally {
            SOURCE.execute("SET GLOBAL binlog_format = 'ROW'");
        }
    }

    @Test
    void missingReplicationPrivilegesAreReportedOnTheUser() {
        SOURCE.execute("CREATE USER IF NOT EXISTS 'reader'@'%' IDENTIFIED BY 'pw'",
                "GRANT SELECT ON *.* TO 'reader'@'%'");
        Map<String, String> config = valid();
        config.put(MySqlSourceConfig.DATABASE_USER_CONFIG, "reader");
        config.put(MySqlSourceConfig.DATABASE_PASSWORD_CONFIG, "pw");
        assertThat(errors(config)).containsOnlyKeys(MySqlSourceConfig.DATABASE_USER_CONFIG)
                .extractingByKey(MySqlSourceConfig.DATABASE_USER_CONFIG).asList()
                .anySatisfy(e -> assertThat(e).asString().contains("lacks REPLICATION SLAVE"))
                .anySatisfy(e -> assertThat(e).asString().contains("lacks REPLICATION CLIENT"));
    }

    @Test
    void aWrongPasswordIsReportedOnTheUser() {
        Map<String, String> config = valid();
        config.put(MySqlSourceConfig.DATABASE_PASSWORD_CONFIG, "not-the-password");
        assertThat(errors(config)).containsOnlyKeys(MySqlSourceConfig.DATABASE_USER_CONFIG);
    }

    @Test
    void anUnreachableServerIsReportedOnTheHost() {
        Map<String, String> config = valid();
        config.put(MySqlSourceConfig.DATABASE_PORT_CONFIG, "1");
        config.put(MySqlSourceConfig.CONNECT_TIMEOUT_MS_CONFIG, "2000");
        assertThat(errors(config)).containsOnlyKeys(MySqlSourceConfig.DATABASE_HOSTNAME_CONFIG);
    }

    @Test
    void anUnknownKeyIsReportedWithTheNearestKnownKey() {
        Map<String, String> config = valid();
        config.put("database.hostnme", "x");
        assertThat(errors(config)).containsOnlyKeys("database.hostnme")
                .extractingByKey("database.hostnme").asList().singleElement().asString()
                .contains("did you mean 'database.hostname'");
    }

    @Test
    void aRowFilterThatDoesNotParseIsReportedOnItsKey() {
        Map<String, String> config = valid();
        config.put("row.filter.shop.orders", "amount >");
        assertThat(errors(config)).containsOnlyKeys("row.filter.shop.orders")
                .extractingByKey("row.filter.shop.orders").asList().singleElement().asString()
                .contains("expected a value");
    }

    @Test
    void invertedRetryWindowsAreReportedOnTheShorterOne() {
        Map<String, String> config = valid();
        config.put(MySqlSourceConfig.RETRY_TIMEOUT_MS_CONFIG, "600000");
        config.put(MySqlSourceConfig.CONNECTION_RETRY_TIMEOUT_MS_CONFIG, "60000");
        assertThat(errors(config)).containsOnlyKeys(MySqlSourceConfig.RETRY_TIMEOUT_MS_CONFIG);
    }
}
