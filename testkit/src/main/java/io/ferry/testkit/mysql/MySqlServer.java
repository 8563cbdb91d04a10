package io.ferry.testkit.mysql;

import io.ferry.common.Identifiers;
import io.ferry.common.server.ServerFlavor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MySQL-compatible server for one test class, with binary logging as Ferry requires it
 * ({@code binlog_format=ROW}, {@code binlog_row_image=FULL}, {@code binlog_row_metadata=FULL}, UTC).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MySqlServer SOURCE = MySqlServer.forRole("source").build();
 * }</pre>
 *
 * <p>Which server runs is chosen by the environment, so one suite covers every flavor:
 * <ul>
 *   <li>by default, a private bundled MariaDB 11.4 on a free port in a temporary directory;</li>
 *   <li>{@code FERRY_TEST_MYSQLD=/path/to/mariadbd-or-mysqld}: a private server from an installed binary;</li>
 *   <li>{@code FERRY_TEST_<ROLE>_URL/_USER/_PASSWORD}: an already-running server (e.g. a real MySQL 8).
 *       It is shared, so the databases created through {@link #createDatabase} are dropped on close.</li>
 * </ul>
 * Also usable without JUnit: {@link #start()} and {@link #close()}.
 */
public final class MySqlServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private static final AtomicInteger NEXT_SERVER_ID = new AtomicInteger(1);

    private final String role;
    private final int serverId;
    private final List<String> extraOptions;
    private final Set<String> createdDatabases = new LinkedHashSet<>();
    private ServerHandle handle;
    private String startedBy;
    private ServerFlavor flavor;
    private String version;

    private MySqlServer(Builder builder) {
        this.role = builder.role;
        this.serverId = builder.serverId > 0 ? builder.serverId : NEXT_SERVER_ID.getAndIncrement();
        this.extraOptions = List.copyOf(builder.extraOptions);
    }

    /** A builder for the server playing {@code role} ("source", "destination", ...). */
    public static Builder forRole(String role) {
        return new Builder(role);
    }

    /** Starts the server (or connects to the external one) and waits until it accepts connections. */
    public synchronized MySqlServer start() {
        if (handle != null) {
            return this;
        }
        handle = ExternalServer.fromEnvironment(role).<ServerHandle>map(s -> s)
                .orElseGet(() -> LocalServer.start(ServerBinaries.resolve(), role, serverId, extraOptions));
        try {
            version = queryString("SELECT VERSION()");
        } catch (RuntimeException e) {
            handle.close();
            handle = null;
            throw e;
        }
        flavor = ServerFlavor.fromVersion(version);
        return this;
    }

    @Override
    public synchronized void close() {
        if (handle == null) {
            return;
        }
        try {
            if (handle.external()) {
                for (String database : createdDatabases) {
                    execute("DROP DATABASE IF EXISTS " + Identifiers.quote(database));
                }
            }
        } finally {
            createdDatabases.clear();
            handle.close();
            handle = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Nested test classes call this again; the outermost class owns the server.
        if (startedBy == null) {
            start();
            startedBy = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(startedBy)) {
            close();
            startedBy = null;
        }
    }

    public String host() {
        return handle().host();
    }

    public int port() {
        return handle().port();
    }

    /** An account with every privilege, for setting up tests. */
    public String user() {
        return handle().user();
    }

    public String password() {
        return handle().password();
    }

    public ServerFlavor flavor() {
        return flavor;
    }

    /** {@code SELECT VERSION()}, e.g. {@code 11.4.5-MariaDB-log}. */
    public String version() {
        return version;
    }

    /** A JDBC URL without a default database. */
    public String jdbcUrl() {
        return jdbcUrl("");
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + host() + ":" + port() + "/" + database
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectionTimeZone=UTC";
    }

    /** A new administrator connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    /** Creates a database (dropping a leftover of the same name) that is removed again on close. */
    public String createDatabase(String name) {
        createdDatabases.add(name);
        execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name), "CREATE DATABASE " + Identifiers.quote(name));
        return name;
    }

    /** Runs statements in order on one administrator connection. */
    public void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on " + role + " server: " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of {@code sql}, or null. */
    public String queryString(String sql) {
        return queryRows(sql).stream().findFirst().map(row -> row.get(0)).orElse(null);
    }

    /** Every row of {@code sql}, each column as text (null stays null). */
    public List<List<String>> queryRows(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on " + role + " server: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The value of a global server variable, e.g. {@code binlog_format}. */
    public String variable(String name) {
        List<List<String>> rows = queryRows("SHOW GLOBAL VARIABLES LIKE " + Identifiers.literal(name));
        return rows.isEmpty() ? null : rows.get(0).get(1);
    }

    private ServerHandle handle() {
        if (handle == null) {
            throw new IllegalStateException("The " + role + " server is not started");
        }
        return handle;
    }

    @Override
    public String toString() {
        return role + " server " + (handle == null ? "(stopped)" : host() + ":" + port() + " " + version);
    }

    /** Options of a {@link MySqlServer}. */
    public static final class Builder {
        private final String role;
        private int serverId;
        private final List<String> extraOptions = new ArrayList<>();

        private Builder(String role) {
            if (!role.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("role must be lower-case letters, digits and '-': " + role);
            }
            this.role = role;
        }

        /** The server's {@code server_id}; by default each server in the JVM gets the next free one. */
        public Builder serverId(int serverId) {
            this.serverId = serverId;
            return this;
        }

        /** An extra command-line option for a private server, e.g. {@code --innodb-buffer-pool-size=1G}. */
        public Builder option(String option) {
            extraOptions.add(option);
            return this;
        }

        public MySqlServer build() {
            return new MySqlServer(this);
        }
    }
}
