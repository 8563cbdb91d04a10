package io.ferry.source.binlog;

import com.github.shyiko.mysql.binlog.network.SSLSocketFactory;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Upgrades the binlog connection's socket to TLS with a context that trusts only the configured truststore and,
 * for verify_identity, checks during the handshake that the certificate names the configured host.
 */
final class VerifyingSocketFactory implements SSLSocketFactory {

    private final SSLContext context;
    private final String host;
    private final boolean checkHost;

    VerifyingSocketFactory(SSLContext context, String host, boolean checkHost) {
        this.context = context;
        this.host = host;
        this.checkHost = checkHost;
    }

    @Override
    public SSLSocket createSocket(Socket socket) throws SocketException {
        try {
            // The configured host, not the peer address's reverse lookup: it is the name the certificate must
            // carry, and the name sent for SNI.
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, host, socket.getPort(), true);
            if (checkHost) {
                // The HTTPS rules: a DNS or IP subject alternative name, else the common name; as Connector/J.
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
            }
            return tls;
        } catch (IOException e) {
            SocketException failure = new SocketException("Cannot start TLS with " + host + ": " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }
}
