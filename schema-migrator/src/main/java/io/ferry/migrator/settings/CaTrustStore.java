package io.ferry.migrator.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * A PEM CA file turned into a temporary PKCS12 truststore: MySQL users hold {@code ca.pem}, Connector/J reads
 * key stores. The file is deleted when the JVM exits.
 */
record CaTrustStore(Path file, String password) {

    static final String TYPE = "PKCS12";

    static CaTrustStore fromPem(Path pem) throws SQLException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new SQLException("No certificate in the CA file " + pem);
            }
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Path file = Files.createTempFile("ferry-ca-", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return new CaTrustStore(file, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new SQLException("Cannot read the CA file " + pem + ": " + e.getMessage(), e);
        }
    }
}
