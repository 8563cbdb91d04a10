package io.ferry.migrator.settings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where one server is and how to log in: host, port, account and TLS. Immutable; {@link #toString()} leaves the
 * password out.
 *
 * @param sslCa the PEM file of the CA that signed the server certificate; required by {@link SslMode#VERIFY_CA}
 */
public record Endpoint(String host, int port, String user, String password, SslMode sslMode, Path sslCa) {

    /** How long a connection attempt may take: an unreachable server fails the precheck, not hangs it. */
    static final int CONNECT_TIMEOUT_MS = 10_000;

    public Endpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(sslMode, "sslMode");
        password = password == null ? "" : password;
    }

    /** The Connector/J URL, without credentials or truststore (see {@link #connectionProperties()}). */
    public String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/?sslMode=" + sslMode.name()
                + "&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&connectTimeout=" + CONNECT_TIMEOUT_MS;
    }

    /** Credentials and, for {@code verify-ca}, the CA as a truststore Connector/J can read. */
    public Properties connectionProperties() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        if (sslMode == SslMode.VERIFY_CA) {
            CaTrustStore store = CaTrustStore.fromPem(sslCa);
            properties.setProperty("trustCertificateKeyStoreUrl", store.file().toUri().toString());
            properties.setProperty("trustCertificateKeyStoreType", CaTrustStore.TYPE);
            properties.setProperty("trustCertificateKeyStorePassword", store.password());
        }
        return properties;
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), connectionProperties());
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + " (ssl.mode=" + sslMode.configValue() + ")";
    }
}
