package io.ferry.common.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a server must offer to be captured: a row-based binlog with full row images and full table-map
 * metadata, and an account that may read it. Shared by the source connector's {@code validate()} and the
 * migrator's precheck, so both say the same thing the same way.
 */
public final class SourceServerChecks {

    private SourceServerChecks() {
    }

    /** The binlog settings, one finding each. */
    public static List<Finding> binlogSettings(Connection connection) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        findings.add(expect(connection, "log_bin", "ON", "Enable binary logging (log_bin) and restart the server"));
        findings.add(expect(connection, "binlog_format", "ROW",
                "Set binlog_format=ROW (SET GLOBAL binlog_format='ROW' and in the server config)"));
        findings.add(expect(connection, "binlog_row_image", "FULL",
                "Set binlog_row_image=FULL so that updates and deletes carry whole rows"));
        findings.add(expect(connection, "binlog_row_metadata", "FULL",
                "Set binlog_row_metadata=FULL (MySQL 8.0.1+, MariaDB 10.5+) so rows decode without schema history"));
        return findings;
    }

    /** Whether the account can read tables and the binlog: SELECT, REPLICATION SLAVE, REPLICATION CLIENT. */
    public static List<Finding> captureGrants(Connection connection) throws SQLException {
        String grants = String.join("\n", grants(connection)).toUpperCase(Locale.ROOT);
        boolean all = grants.contains("GRANT ALL PRIVILEGES ON *.*");
        List<Finding> findings = new ArrayList<>();
        findings.add(has(all || grants.contains("REPLICATION SLAVE") || grants.contains("REPLICATION REPLICA"),
                "REPLICATION SLAVE", "GRANT REPLICATION SLAVE ON *.* TO the connector's user"));
        // MariaDB 10.5 renamed REPLICATION CLIENT to BINLOG MONITOR and still accepts the old name in GRANT.
        findings.add(has(all || grants.contains("REPLICATION CLIENT") || grants.contains("BINLOG MONITOR"),
                "REPLICATION CLIENT", "GRANT REPLICATION CLIENT ON *.* TO the connector's user"));
        findings.add(has(all || grants.contains("SELECT"), "SELECT",
                "GRANT SELECT ON the captured databases TO the connector's user"));
        return findings;
    }

    private static Finding has(boolean granted, String privilege, String fix) {
        return granted ? Finding.pass(privilege, privilege + " is granted")
                : Finding.failure(privilege, "The user lacks " + privilege, fix);
    }

    private static Finding expect(Connection connection, String variable, String expected, String fix)
            throws SQLException {
        String actual = variable(connection, variable);
        if (actual != null && actual.equalsIgnoreCase(expected)) {
            return Finding.pass(variable, variable + " is " + expected);
        }
        String shown = actual == null ? "not supported by this server" : actual;
        return Finding.failure(variable, variable + " is " + shown + ", Ferry needs " + expected, fix);
    }

    static String variable(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + name + "'")) {
            return rs.next() ? rs.getString(2) : null;
        }
    }

    private static List<String> grants(Connection connection) throws SQLException {
        List<String> grants = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GRANTS FOR CURRENT_USER()")) {
            while (rs.next()) {
                grants.add(rs.getString(1));
            }
        }
        return grants;
    }
}
