package io.ferry.common.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the sink needs from the destination account: writing rows (SELECT, INSERT, UPDATE, DELETE) and creating
 * its offsets table (CREATE). Read from {@code SHOW GRANTS}; a privilege granted on any level counts, so this
 * catches a read-only or wrong account, not every per-table gap (those fail the first write with the table's name).
 */
public final class DestinationServerChecks {

    private DestinationServerChecks() {
    }

    public static List<Finding> applyGrants(Connection connection) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GRANTS FOR CURRENT_USER()")) {
            while (rs.next()) {
                text.append(rs.getString(1)).append('\n');
            }
        }
        String grants = text.toString().toUpperCase(Locale.ROOT);
        List<Finding> findings = new ArrayList<>();
        for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE")) {
            boolean granted = grants.contains("ALL PRIVILEGES") || grants.matches("(?s).*GRANT [^\\n]*\\b"
                    + privilege + "\\b[^\\n]* ON .*");
            findings.add(granted ? Finding.pass(privilege, privilege + " is granted")
                    : Finding.failure(privilege, "The user lacks " + privilege,
                            "GRANT " + privilege + " ON the destination databases TO the connector's user"));
        }
        return findings;
    }
}
