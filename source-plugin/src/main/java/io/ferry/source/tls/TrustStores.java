package io.ferry.source.tls;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.Collections;

/** Reads the truststore files of {@code database.ssl.truststore}: JKS or PKCS12. */
final class TrustStores {

    /** The first four bytes of every JKS file; PKCS12 files start with an ASN.1 sequence instead. */
    private static final int JKS_MAGIC = 0xFEEDFEED;

    private TrustStores() {
    }

    /** {@code JKS} or {@code PKCS12}, by the file's first bytes; an unreadable file is left to {@link #load}. */
    static String type(Path file) {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            return in.readInt() == JKS_MAGIC ? "JKS" : "PKCS12";
        } catch (IOException e) {
            return "PKCS12";
        }
    }

    /** The key store in {@code file}; it must hold at least one trusted certificate. */
    static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type(file));
        try (InputStream in = Files.newInputStream(file)) {
            // An empty password reads the certificates without checking the file's integrity, as keytool does.
            store.load(in, password.isEmpty() ? null : password.toCharArray());
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isCertificateEntry(alias)) {
                return store;
            }
        }
        throw new KeyStoreException("no trusted certificate in " + file);
    }
}
