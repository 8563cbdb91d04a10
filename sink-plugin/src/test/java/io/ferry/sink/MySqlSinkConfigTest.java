package io.ferry.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.testkit.config.ConfigDocs;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class MySqlSinkConfigTest {

    @Test
    void everyKeyIsDocumented() {
        assertThat(ConfigDocs.problems(MySqlSinkConfig.CONFIG_DEF)).isEmpty();
        assertThat(new MySqlSinkConnector().config()).isSameAs(MySqlSinkConfig.CONFIG_DEF);
    }

    @Test
    void parsesAValidConfigWithDefaults() {
        MySqlSinkConfig config = new MySqlSinkConfig(Map.of(
                MySqlSinkConfig.CONNECTION_HOSTNAME_CONFIG, " dest.example ",
                MySqlSinkConfig.CONNECTION_USER_CONFIG, "ferry"));
        assertThat(config.hostname()).isEqualTo("dest.example");
        assertThat(config.port()).isEqualTo(3306);
        assertThat(config.user()).isEqualTo("ferry");
        assertThat(config.password().value()).isEmpty();
    }

    @Test
    void validatingAnEmptyConfigNamesEveryMissingKey() {
        List<String> keysWithErrors = new MySqlSinkConnector().validate(Map.of()).configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty()).map(ConfigValue::name).toList();
        assertThat(keysWithErrors).containsExactlyInAnyOrder(MySqlSinkConfig.CONNECTION_HOSTNAME_CONFIG,
                MySqlSinkConfig.CONNECTION_USER_CONFIG);
    }

    @Test
    void rejectsANonNumericPortNamingTheKey() {
        assertThatThrownBy(() -> new MySqlSinkConfig(Map.of(
                MySqlSinkConfig.CONNECTION_HOSTNAME_CONFIG, "dest.example",
                MySqlSinkConfig.CONNECTION_USER_CONFIG, "ferry",
                MySqlSinkConfig.CONNECTION_PORT_CONFIG, "mysql")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("connection.port");
    }
}
