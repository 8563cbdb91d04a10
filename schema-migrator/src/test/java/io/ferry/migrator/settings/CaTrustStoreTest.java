package io.ferry.migrator.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaTrustStoreTest {

    @Test
    void verifyCaHandsConnectorJThePemAsATrustStore(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("ca.pem");
        try (InputStream in = getClass().getResourceAsStream("test-ca.pem")) {
            Files.copy(in, pem);
        }
        Endpoint endpoint = new Endpoint("db", 3306, "u", "p", SslMode.VERIFY_CA, pem);

        Properties properties = endpoint.connectionProperties();

        assertThat(endpoint.jdbcUrl()).contains("sslMode=VERIFY_CA");
        assertThat(properties.getProperty("trustCertificateKeyStoreType")).isEqualTo("PKCS12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(java.net.URI.create(
                properties.getProperty("trustCertificateKeyStoreUrl"))))) {
            store.load(in, properties.getProperty("trustCertificateKeyStorePassword").toCharArray());
        }
        X509Certificate ca = (X509Certificate) store.getCertificate("ca-0");
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=Ferry test CA");
    }

    @Test
    void aFileWithoutCertificatesIsAnError(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("ca.pem"), "no certificate here");

        assertThatThrownBy(() -> CaTrustStore.fromPem(pem)).isInstanceOf(SQLException.class)
                .hasMessageContaining("CA file");
    }
}
