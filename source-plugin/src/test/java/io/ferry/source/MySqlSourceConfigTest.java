package io.ferry.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.conf.ConnectionUrl;
import io.ferry.testkit.config.ConfigDocs;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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

    @Test
    void sslModeIsDisabledByDefaultAndReachesTheJdbcUrl() {
        assertThat(jdbcProperties(valid())).containsEntry("sslMode", "DISABLED")
                .doesNotContainKey("trustCertificateKeyStoreUrl");
        Map<String, String> props = valid();
        props.put(MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG, "required");
        props.put(MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_CONFIG, "/unused/by/required.p12");
        assertThat(jdbcProperties(props)).containsEntry("sslMode", "REQUIRED")
                .doesNotContainKey("trustCertificateKeyStoreUrl");
    }

    @Test
    void verifyingModesPassTheTruststoreToConnectorJReadBackExactly() {
        Map<String, String> props = valid();
        props.put(MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG, "verify_identity");
        props.put(MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_CONFIG, "/etc/my certs/ca+1.p12");
        props.put(MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_PASSWORD_CONFIG, "p&ss word+=%");
        assertThat(jdbcProperties(props)).containsEntry("sslMode", "VERIFY_IDENTITY")
                .containsEntry("trustCertificateKeyStoreUrl", Path.of("/etc/my certs/ca+1.p12").toUri().toString())
                .containsEntry("trustCertificateKeyStoreType", "PKCS12")
                .containsEntry("trustCertificateKeyStorePassword", "p&ss word+=%")
                .containsEntry("connectionTimeZone", "UTC");
        assertThat(new MySqlSourceConfig(props).tls().toString()).doesNotContain("p&ss");
    }

    @Test
    void verifyingModesNeedATruststoreNamingThatKey() {
        for (String mode : List.of("verify_ca", "verify_identity")) {
            Map<String, String> props = valid();
            props.put(MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG, mode);
            assertThatThrownBy(() -> new MySqlSourceConfig(props)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_CONFIG)
                    .hasMessageContaining("is required when database.ssl.mode is " + mode);
            assertThat(errors(props)).containsOnlyKeys(MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_CONFIG);
        }
    }

    @Test
    void anUnreadableTruststoreIsReportedOnItsKeyBeforeConnecting() {
        Map<String, String> props = valid();
        props.put(MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG, "verify_ca");
        props.put(MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_CONFIG, "/nonexistent/ca.p12");
        assertThat(errors(props)).containsOnlyKeys(MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_CONFIG)
                .extractingByKey(MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_CONFIG).asList().singleElement()
                .asString().startsWith("Cannot read the truststore /nonexistent/ca.p12");
    }

    @Test
    void rejectsAnUnknownSslMode() {
        Map<String, String> props = valid();
        props.put(MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG, "verify-ca");
        assertThatThrownBy(() -> new MySqlSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.ssl.mode").hasMessageContaining("verify_ca");
    }

    /** What a connection gets: the URL's parameters and the secret properties, as Connector/J merges them. */
    private static Map<String, String> jdbcProperties(Map<String, String> props) {
        MySqlSourceConfig config = new MySqlSourceConfig(props);
        Properties secrets = new Properties();
        config.tls().addSecret(secrets);
        return ConnectionUrl.getConnectionUrlInstance(config.jdbcUrl(), secrets).getMainHost().getHostProperties();
    }

    private static Map<String, List<String>> errors(Map<String, String> props) {
        Map<String, List<String>> errors = new HashMap<>();
        new MySqlSourceConnector().validate(props).configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .forEach(v -> errors.put(v.name(), v.errorMessages()));
        return errors;
    }
}
