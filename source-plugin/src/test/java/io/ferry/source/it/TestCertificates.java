package io.ferry.source.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test CA and a server certificate it signed for {@code localhost} only (so 127.0.0.1 fails an identity
 * check), made with the JDK's own keytool: no other tool is needed where the tests run. The server gets PEM
 * files, the connector a PKCS12 truststore.
 */
final class TestCertificates {

    static final String TRUSTSTORE_PASSWORD = "trust-me";
    private static final String STORE_PASSWORD = "store-pw";

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** A CA, a server certificate it signed, and a truststore with the CA; all in a new temporary directory. */
    static TestCertificates create() {
        try {
            TestCertificates certs = new TestCertificates(Files.createTempDirectory("ferry-tls-"));
            certs.makeCa("ca", "CN=Ferry Test CA");
            certs.keytool("-genkeypair", "-keystore", "server.p12", "-alias", "server", "-keyalg", "RSA",
                    "-keysize", "2048", "-validity", "3", "-dname", "CN=localhost");
            certs.keytool("-certreq", "-keystore", "server.p12", "-alias", "server", "-file", "server.csr");
            certs.keytool("-gencert", "-keystore", "ca.p12", "-alias", "ca", "-infile", "server.csr", "-outfile",
                    "server-cert.pem", "-rfc", "-validity", "3", "-ext", "san=dns:localhost");
            certs.exportKey("server.p12", "server", "server-key.pem");
            certs.truststore("ca-cert.pem", "truststore.p12");
            // A CA that signed nothing here: a truststore with it must not be trusted.
            certs.makeCa("other-ca", "CN=Some Other CA");
            certs.truststore("other-ca-cert.pem", "other-truststore.p12");
            return certs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The options that make a server use the certificate. */
    List<String> serverOptions() {
        return List.of("--ssl-ca=" + dir.resolve("ca-cert.pem"), "--ssl-cert=" + dir.resolve("server-cert.pem"),
                "--ssl-key=" + dir.resolve("server-key.pem"));
    }

    /** A PKCS12 truststore with the CA that signed the server certificate. */
    Path truststore() {
        return dir.resolve("truststore.p12");
    }

    /** A PKCS12 truststore with a CA that did not sign the server certificate. */
    Path otherTruststore() {
        return dir.resolve("other-truststore.p12");
    }

    private void makeCa(String name, String dname) {
        keytool("-genkeypair", "-keystore", name + ".p12", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "3", "-dname", dname, "-ext", "bc:c");
        keytool("-exportcert", "-keystore", name + ".p12", "-alias", "ca", "-rfc", "-file", name + "-cert.pem");
    }

    private void truststore(String caPem, String file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve(caPem))) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(file))) {
            store.store(out, TRUSTSTORE_PASSWORD.toCharArray());
        }
    }

    /** The server needs its key as a PEM file, which keytool does not write. */
    private void exportKey(String keystore, String alias, String pem) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(keystore))) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        Key key = store.getKey(alias, STORE_PASSWORD.toCharArray());
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        Files.writeString(dir.resolve(pem), "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", STORE_PASSWORD));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
