package io.ferry.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.testkit.config.ConfigDocs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class MySqlSourceConfigTest {

    private static Map<String, String> valid() {
        return new HashMap<>(Map.of(
                MySqlSourceConfig.DATABASE_HOSTNAME_CONFIG, "db.example",
                MySqlSourceConfig.DATABASE_USER_CONFIG, "ferry",
                MySqlSourceConfig.TOPIC_PREFIX_CONFIG, "shop"));
    }

    @Test
    void everyKeyIsDocumented() {
        assertThat(ConfigDocs.problems(MySqlSourceConfig.CONFIG_DEF)).isEmpty();
        assertThat(new MySqlSourceConnector().config()).isSameAs(MySqlSourceConfig.CONFIG_DEF);
    }

    @Test
    void parsesAValidConfigWithDefaults() {
        MySqlSourceConfig config = new MySqlSourceConfig(valid());
        assertThat(config.hostname()).isEqualTo("db.example");
        assertThat(config.port()).isEqualTo(3306);
        assertThat(config.user()).isEqualTo("ferry");
        assertThat(config.password().value()).isEmpty();
        assertThat(config.topicPrefix()).isEqualTo("shop");
    }

    @Test
    void validatingAnEmptyConfigNamesEveryMissingKey() {
        List<String> keysWithErrors = new MySqlSourceConnector().validate(Map.of()).configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty()).map(ConfigValue::name).toList();
        assertThat(keysWithErrors).containsExactlyInAnyOrder(MySqlSourceConfig.DATABASE_HOSTNAME_CONFIG,
                MySqlSourceConfig.DATABASE_USER_CONFIG, MySqlSourceConfig.TOPIC_PREFIX_CONFIG);
    }

    @Test
    void rejectsAPortOutOfRangeNamingTheKey() {
        Map<String, String> props = valid();
        props.put(MySqlSourceConfig.DATABASE_PORT_CONFIG, "70000");
        assertThatThrownBy(() -> new MySqlSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.port").hasMessageContaining("70000");
    }

    @Test
    void rejectsATopicPrefixKafkaWouldNotAccept() {
        Map<String, String> props = valid();
        props.put(MySqlSourceConfig.TOPIC_PREFIX_CONFIG, "shop/eu");
        assertThatThrownBy(() -> new MySqlSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic.prefix").hasMessageContaining("may contain only");
    }
}
