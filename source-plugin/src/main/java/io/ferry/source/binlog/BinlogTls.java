package io.ferry.source.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.network.SSLMode;
import io.ferry.source.tls.SourceTls;
import io.ferry.source.tls.SslMode;
import java.io.IOException;
import java.security.GeneralSecurityException;

/**
 * Gives a binary log client the TLS of {@code database.ssl.mode}, as the JDBC connections have it.
 *
 * <p>Both verifying modes run as the client's VERIFY_CA with {@link VerifyingSocketFactory}: the client's own
 * VERIFY_IDENTITY compares the certificate with the reverse lookup of the peer address, which fails for a host
 * configured by IP address or DNS alias; the factory checks the configured name instead.
 */
final class BinlogTls {

    private BinlogTls() {
    }

    static void apply(BinaryLogClient client, SourceTls tls, String host) throws IOException {
        switch (tls.mode()) {
            case DISABLED -> client.setSSLMode(SSLMode.DISABLED);
            case PREFERRED -> client.setSSLMode(SSLMode.PREFERRED);
            case REQUIRED -> client.setSSLMode(SSLMode.REQUIRED);
            case VERIFY_CA, VERIFY_IDENTITY -> {
                client.setSSLMode(SSLMode.VERIFY_CA);
                try {
                    client.setSslSocketFactory(new VerifyingSocketFactory(tls.sslContext(), host,
                            tls.mode() == SslMode.VERIFY_IDENTITY));
                } catch (GeneralSecurityException e) {
                    throw new IOException("Cannot use the truststore " + tls.truststore() + ": " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalStateException("Unknown SSL mode " + tls.mode());
        }
    }
}
