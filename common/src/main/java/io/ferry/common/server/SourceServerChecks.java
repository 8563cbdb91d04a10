package io.ferry.common.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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

    /**
     * Whether binlogs are kept at least {@code minimum}, so that the stream can resume after a pause of that
     * length. Reads RDS's {@code binlog retention hours} where that table exists (it then decides), else
     * {@code binlog_expire_logs_seconds} and {@code expire_logs_days} (0 in both: binlogs never expire).
     */
    public static Finding binlogRetention(Connection connection, Duration minimum) throws SQLException {
        String subject = "binlog retention";
        long wantedHours = minimum.toHours();
        Long rdsHours = rdsRetentionHours(connection);
        if (rdsHours != null) {
            String fix = "CALL mysql.rds_set_configuration('binlog retention hours', " + wantedHours + ")";
            return rdsHours >= wantedHours
                    ? Finding.pass(subject, "RDS keeps binlogs " + rdsHours + " h")
                    : Finding.failure(subject, rdsHours < 0 ? "RDS binlog retention hours is NULL (purged at once)"
                            : "RDS keeps binlogs " + rdsHours + " h, less than the " + wantedHours + " h required",
                            fix);
        }
        long seconds = longVariable(connection, "binlog_expire_logs_seconds");
        if (seconds <= 0) {
            seconds = longVariable(connection, "expire_logs_days") * 86_400L;
        }
        long sizeLimit = longVariable(connection, "max_binlog_total_size");
        if (seconds > 0 && seconds < minimum.toSeconds()) {
            return Finding.failure(subject, "Binlogs expire after " + Duration.ofSeconds(seconds).toHours() + " h,"
                    + " less than the " + wantedHours + " h required", "SET GLOBAL binlog_expire_logs_seconds = "
                    + minimum.toSeconds() + " (and in the server config)");
        }
        if (sizeLimit > 0) {
            return Finding.warning(subject, "Binlogs are purged once they exceed " + sizeLimit + " bytes"
                    + " (max_binlog_total_size), whatever their age",
                    "SET GLOBAL max_binlog_total_size = 0 for the migration, or size it for " + wantedHours + " h");
        }
        return Finding.pass(subject, seconds > 0 ? "Binlogs are kept " + Duration.ofSeconds(seconds).toHours() + " h"
                : "Binlogs never expire (purge them after the migration)");
    }

    /** The GTID mode, for information: a stream follows a failover to a replica only with GTIDs. */
    public static Finding gtidMode(Connection connection) throws SQLException {
        String mariaDbStrict = variable(connection, "gtid_strict_mode");
        if (mariaDbStrict != null) {
            return Finding.pass("GTID mode", "MariaDB GTIDs are always on (gtid_strict_mode=" + mariaDbStrict + ")");
        }
        String mode = variable(connection, "gtid_mode");
        return Finding.pass("GTID mode", "gtid_mode is " + (mode == null ? "not supported" : mode)
                + ("ON".equalsIgnoreCase(mode) ? "" : ": positions are binlog file/offset, so a stream does not"
                + " follow a failover"));
    }

    /** RDS's retention in hours, -1 when set to NULL, null where the table does not exist or cannot be read. */
    private static Long rdsRetentionHours(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT value FROM mysql.rds_configuration WHERE name = 'binlog retention hours'")) {
            if (!rs.next()) {
                return null;
            }
            String value = rs.getString(1);
            return value == null ? -1L : Long.parseLong(value.trim());
        } catch (SQLException | NumberFormatException e) {
            return null; // not RDS, or no access: the server variables decide
        }
    }

    private static long longVariable(Connection connection, String name) throws SQLException {
        String value = variable(connection, name);
        try {
            return value == null ? 0 : (long) Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
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
