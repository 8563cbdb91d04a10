package io.ferry.source.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ferry.source.MySqlSourceConfig;
import io.ferry.source.MySqlSourceConnector;
import io.ferry.source.binlog.BinlogConnection;
import io.ferry.source.binlog.BinlogReader;
import io.ferry.source.position.ServerPositions;
import io.ferry.source.position.StreamOffset;
import io.ferry.source.schema.binlog.BinlogDeserialization;
import io.ferry.source.tls.SourceTls;
import io.ferry.source.tls.SslMode;
import io.ferry.testkit.connect.ChangeTopic;
import io.ferry.testkit.connect.ChangeTopic.Event;
import io.ferry.testkit.connect.ConnectCluster;
import io.ferry.testkit.connect.Validation;
import io.ferry.testkit.mysql.MySqlServer;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * database.ssl.mode against a server with a certificate of a test CA, read by an account created with REQUIRE
 * SSL: the server refuses that account any connection without TLS, so a change that arrives proves that the
 * binlog connection used TLS too, not only the snapshot's JDBC connections.
 */
class SourceTlsIT {

    private static final TestCertificates CERTS = TestCertificates.create();

    @RegisterExtension
    static final MySqlServer SOURCE = withCertificate(MySqlServer.forRole("source")).build();

    @RegisterExtension
    static final ConnectCluster CONNECT = ConnectCluster.builder().workers(1).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String USER = "tls_reader";
    private static final String PASSWORD = "tls-pw";

    private static MySqlServer.Builder withCertificate(MySqlServer.Builder builder) {
        CERTS.serverOptions().forEach(builder::option);
        return builder;
    }

    @BeforeAll
    static void accountThatRequiresTls() {
        assertThat(SOURCE.variable("have_ssl")).as("TLS on the test server").isEqualTo("YES");
        SOURCE.execute("CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "' REQUIRE SSL",
                "GRANT SELECT, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + USER + "'@'%'");
    }

    @Test
    void requiredModeSnapshotsAndStreamsOverTls() {
        snapshotsAndStreams("tls1", Map.of(MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG, "required"));
    }

    @Test
    void preferredModeUsesTlsWhenTheServerOffersIt() {
        snapshotsAndStreams("tls5", Map.of(MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG, "preferred"));
    }

    @Test
    void verifyCaSnapshotsAndStreamsWhenTheTruststoreHoldsTheServersCa() {
        assumeTestCertificate();
        snapshotsAndStreams("tls2", Map.of(MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG, "verify_ca",
                MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_CONFIG, CERTS.truststore().toString(),
                MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_PASSWORD_CONFIG, TestCertificates.TRUSTSTORE_PASSWORD));
    }

    @Test
    void disabledModeIsRefusedWithAHintAtTheSslMode() {
        Map<String, String> config = config("tls3");
        config.put(MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG, "disabled");
        assertThat(errors(config)).containsOnlyKeys(MySqlSourceConfig.DATABASE_USER_CONFIG)
                .extractingByKey(MySqlSourceConfig.DATABASE_USER_CONFIG).asList().singleElement().asString()
                .contains("Access denied", "if the account requires TLS, set database.ssl.mode");
        assertThatThrownBy(() -> CONNECT.deploy("tls3", config)).hasMessageContaining("database.ssl.mode");
    }

    @Test
    void anUntrustedCaAndAHostTheCertificateDoesNotNameAreReportedOnTheSslMode() {
        assumeTestCertificate();
        Map<String, String> config = config("tls4");
        config.put(MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG, "verify_ca");
        config.put(MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_CONFIG, CERTS.otherTruststore().toString());
        config.put(MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_PASSWORD_CONFIG, TestCertificates.TRUSTSTORE_PASSWORD);
        assertThat(errors(config)).containsOnlyKeys(MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG);

        // The certificate names localhost only; the connector is configured with 127.0.0.1.
        config.put(MySqlSourceConfig.DATABASE_SSL_TRUSTSTORE_CONFIG, CERTS.truststore().toString());
        assertThat(errors(config)).isEmpty();
        config.put(MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG, "verify_identity");
        assertThat(errors(config)).containsOnlyKeys(MySqlSourceConfig.DATABASE_SSL_MODE_CONFIG);
        config.put(MySqlSourceConfig.DATABASE_HOSTNAME_CONFIG, "localhost");
        assertThat(errors(config)).isEmpty();
    }

    @Test
    void theBinlogConnectionChecksTheCertificateAsTheJdbcOnesDo() throws Exception {
        assumeTestCertificate();
        StreamOffset now;
        try (Connection connection = SOURCE.connect()) {
            now = new ServerPositions(connection).currentOffset();
        }
        SourceTls identity = new SourceTls(SslMode.VERIFY_IDENTITY, CERTS.truststore().toString(),
                TestCertificates.TRUSTSTORE_PASSWORD);
        assertThatThrownBy(() -> startReader("127.0.0.1", identity, now)).isInstanceOf(IOException.class)
                .hasStackTraceContaining("SSLHandshakeException").hasStackTraceContaining("127.0.0.1");
        startReader("localhost", identity, now);
        SourceTls untrusted = new SourceTls(SslMode.VERIFY_CA, CERTS.otherTruststore().toString(),
                TestCertificates.TRUSTSTORE_PASSWORD);
        assertThatThrownBy(() -> startReader("localhost", untrusted, now)).isInstanceOf(IOException.class)
                .hasStackTraceContaining("SSLHandshakeException").hasStackTraceContaining("certification path");
    }

    private static void startReader(String host, SourceTls tls, StreamOffset from) throws IOException {
        BinlogConnection connection = new BinlogConnection(host, SOURCE.port(), USER, PASSWORD, 6900, true, 10_000,
                1_000, tls);
        try (BinlogReader reader = new BinlogReader(connection, 10)) {
            reader.start(from, false, t -> true, BinlogDeserialization.newEventDeserializer());
        }
    }

    private static void snapshotsAndStreams(String name, Map<String, String> tls) {
        SOURCE.createDatabase(name);
        SOURCE.execute("CREATE TABLE " + name + ".t (id INT PRIMARY KEY, v VARCHAR(10))",
                "INSERT INTO " + name + ".t VALUES (1, 'a'), (2, 'b')");
        Map<String, String> config = config(name);
        config.putAll(tls);
        assertThat(errors(config)).isEmpty();
        CONNECT.deploy(name, config);
        ChangeTopic topic = new ChangeTopic(CONNECT, name + "." + name + ".t");
        topic.await(e -> e.size() >= 2, TIMEOUT);

        SOURCE.execute("INSERT INTO " + name + ".t VALUES (3, 'c')");

        List<Event> events = topic.await(e -> e.size() >= 3, TIMEOUT);
        assertThat(events).extracting(Event::op).containsExactly("r", "r", "c");
        assertThat(events.get(2).after().get("v").asText()).isEqualTo("c");
        CONNECT.delete(name);
    }

    private static Map<String, String> config(String name) {
        Map<String, String> config = SourceConnectors.config(SOURCE, name, name + "\\.t", 1);
        config.put("name", name);
        config.put(MySqlSourceConfig.DATABASE_USER_CONFIG, USER);
        config.put(MySqlSourceConfig.DATABASE_PASSWORD_CONFIG, PASSWORD);
        return config;
    }

    private static Map<String, List<String>> errors(Map<String, String> config) {
        return Validation.errorsByKey(CONNECT.validate(MySqlSourceConnector.class.getName(), config));
    }

    /** Verifying needs the test CA's certificate on the server, which an external test server does not have. */
    private static void assumeTestCertificate() {
        String cert = SOURCE.variable("ssl_cert");
        assumeTrue(cert != null && cert.startsWith(CERTS.truststore().getParent().toString()),
                "the server does not use the test certificate");
    }
}
