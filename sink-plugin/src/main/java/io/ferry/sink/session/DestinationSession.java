package io.ferry.sink.session;

import io.ferry.common.server.ServerFlavor;
import io.ferry.sink.MySqlSinkConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task's connection to the destination, set up like a replication applier: UTC, foreign key checks off
 * (rows arrive per table, not in the source's global order), the configured strict sql_mode, and explicit
 * transactions. Reconnects lazily after a failure.
 */
public final class DestinationSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DestinationSession.class);

    private final MySqlSinkConfig config;
    private Connection connection;
    private ServerFlavor flavor;

    public DestinationSession(MySqlSinkConfig config) {
        this.config = config;
    }

    /** The open connection, connecting (and setting the session up) if there is none. */
    public Connection connection() throws SQLException {
        if (connection == null) {
            Connection fresh = DriverManager.getConnection(config.jdbcUrl(), config.user(),
                    config.password().value());
            try {
                try (PreparedStatement statement = fresh.prepareStatement(
                        "SET SESSION foreign_key_checks = 0, time_zone = '+00:00', sql_mode = ?")) {
                    statement.setString(1, config.sqlMode());
                    statement.execute();
                }
                boolean statementBinlog;
                try (Statement statement = fresh.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT VERSION(), @@log_bin = 1"
                                + " AND @@binlog_format = 'STATEMENT'")) {
                    rows.next();
                    flavor = ServerFlavor.fromVersion(rows.getString(1));
                    statementBinlog = rows.getBoolean(2);
                }
                readCommitted(fresh, statementBinlog);
                fresh.setAutoCommit(false);
            } catch (SQLException e) {
                closeQuietly(fresh, e);
                throw e;
            }
            connection = fresh;
            LOG.info("Connected to the destination {}:{} ({})", config.hostname(), config.port(), flavor);
        }
        return connection;
    }

    /**
     * Every batch writes by key only, and tasks write disjoint keys, so the reads that REPEATABLE READ keeps
     * consistent do not exist here; what it adds are gap locks, taken by each DELETE of a key that is not there,
     * on which the INSERTs of other tasks into the same table deadlock (error 1213, seen with two sink tasks under
     * a mixed change stream). READ COMMITTED takes none. InnoDB refuses writes under it with statement-based
     * binary logging, which then keeps the server's level.
     */
    private void readCommitted(Connection fresh, boolean statementBinlog) throws SQLException {
        if (statementBinlog) {
            LOG.warn("The destination logs statements (binlog_format=STATEMENT): the sink keeps its default"
                    + " isolation level, whose gap locks can make tasks writing one table deadlock (they retry)");
            return;
        }
        fresh.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }

    public ServerFlavor flavor() {
        return flavor;
    }

    /** Rolls back what the failed batch did and, if the connection itself is broken, drops it. */
    public void recover(Exception failure) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
            if (connection.isValid(2)) {
                return;
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        closeQuietly(connection, failure);
        connection = null;
        LOG.info("Dropped the destination connection after: {}", failure.toString());
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the destination connection failed", e);
            }
            connection = null;
        }
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
