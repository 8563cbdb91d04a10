package io.ferry.source.tls;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the source connections use TLS: the mode and, for the verifying modes, the truststore holding the CA
 * certificates. The JDBC and the binlog connections are both configured from it, so they never differ.
 *
 * @param truststore path of a JKS or PKCS12 file; only the verifying modes read it
 */
public record SourceTls(SslMode mode, String truststore, String truststorePassword) {

    public static final SourceTls DISABLED = new SourceTls(SslMode.DISABLED, "", "");

    /**
     * TLS 1.2, which the binlog library's own socket factories use too, so the binlog connection negotiates the
     * same protocol in every mode.
     */
    private static final String BINLOG_PROTOCOL = "TLSv1.2";

    public SourceTls {
        Objects.requireNonNull(mode, "mode");
        truststore = truststore == null ? "" : truststore.trim();
        truststorePassword = truststorePassword == null ? "" : truststorePassword;
    }

    /** The Connector/J URL parameters, URL-encoded and joined with '&'; never the password (see {@link #addSecret}). */
    public String jdbcParameters() {
        StringBuilder parameters = new StringBuilder("sslMode=").append(mode.name());
        if (mode.verifies()) {
            Path file = Path.of(truststore);
            String url = file.toAbsolutePath().toUri().toString();
            parameters.append("&trustCertificateKeyStoreUrl=").append(encode(url))
                    .append("&trustCertificateKeyStoreType=").append(TrustStores.type(file));
        }
        return parameters.toString();
    }

    /** Puts the truststore password into Connector/J's connection properties, where no URL can show it. */
    public void addSecret(Properties properties) {
        if (mode.verifies() && !truststorePassword.isEmpty()) {
            properties.setProperty("trustCertificateKeyStorePassword", truststorePassword);
        }
    }

    /**
     * A context that trusts exactly the truststore's certificates (not the JVM's default CAs), for the binlog
     * connection of the verifying modes; loading it also tells whether the truststore is usable at all.
     */
    public SSLContext sslContext() throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(TrustStores.load(Path.of(truststore), truststorePassword));
        SSLContext context = SSLContext.getInstance(BINLOG_PROTOCOL);
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** Connector/J decodes values with '+' kept as a plus sign, so a space must be %20. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "SourceTls[mode=" + mode.configValue() + ", truststore=" + truststore + "]";
    }
}
