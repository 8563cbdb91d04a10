package io.ferry.testkit.mysql;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * An already-running server named by the environment, for running the same tests against a real MySQL 8
 * (which cannot be installed on every machine). For a role such as {@code source}:
 * {@code FERRY_TEST_SOURCE_URL=jdbc:mysql://host:3306}, {@code FERRY_TEST_SOURCE_USER},
 * {@code FERRY_TEST_SOURCE_PASSWORD}. The server must already have the binlog settings Ferry requires.
 */
final class ExternalServer implements ServerHandle {

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private ExternalServer(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    static String envPrefix(String role) {
        return "FERRY_TEST_" + role.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }

    /** The external server configured for {@code role}, if its URL variable is set. */
    static Optional<ExternalServer> fromEnvironment(String role) {
        String prefix = envPrefix(role);
        String url = System.getenv(prefix + "URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        if (!url.startsWith("jdbc:mysql://")) {
            throw new IllegalStateException(prefix + "URL must look like jdbc:mysql://host:port, not " + url);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String user = Optional.ofNullable(System.getenv(prefix + "USER")).orElse("root");
        String password = Optional.ofNullable(System.getenv(prefix + "PASSWORD")).orElse("");
        return Optional.of(new ExternalServer(uri.getHost(), uri.getPort() < 0 ? 3306 : uri.getPort(), user,
                password));
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public boolean external() {
        return true;
    }

    @Override
    public void close() {
        // Not ours to stop; the databases a test created are dropped by MySqlServer.
    }
}
