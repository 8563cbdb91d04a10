package io.ferry.migrator.precheck;

import io.ferry.common.TableId;
import io.ferry.common.server.ServerFlavor;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the items share: the settings, one open connection per reachable server, and facts several items need
 * (the selected source tables, server versions), read once.
 */
public final class PrecheckContext {

    private final MigratorSettings settings;
    private final Connection source;
    private final Connection destination;
    private List<TableId> sourceTables;

    PrecheckContext(MigratorSettings settings, Connection source, Connection destination) {
        this.settings = settings;
        this.source = source;
        this.destination = destination;
    }

    public MigratorSettings settings() {
        return settings;
    }

    /** The source connection; only items that declare {@link PrecheckItem.Side#SOURCE} may call it. */
    public Connection source() {
        return require(source, "source");
    }

    public Connection destination() {
        return require(destination, "destination");
    }

    /** The source's base tables that the table filter selects, in order. */
    public List<TableId> sourceTables() throws SQLException {
        if (sourceTables == null) {
            List<TableId> tables = new ArrayList<>();
            for (List<String> row : rows(source(), "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
                    + " WHERE TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')")) {
                TableId table = new TableId(row.get(0), row.get(1));
                if (settings.tableFilter().includes(table)) {
                    tables.add(table);
                }
            }
            tables.sort(null);
            sourceTables = List.copyOf(tables);
        }
        return sourceTables;
    }

    /** The destination databases the selected tables map to. */
    public Set<String> destinationDatabases() throws SQLException {
        Set<String> databases = new TreeSet<>();
        for (TableId table : sourceTables()) {
            databases.add(settings.mapping().table(table).database());
        }
        return databases;
    }

    /** The source databases that hold selected tables. */
    public Set<String> sourceDatabases() throws SQLException {
        Set<String> databases = new TreeSet<>();
        sourceTables().forEach(t -> databases.add(t.database()));
        return databases;
    }

    public static ServerFlavor flavor(Connection connection) throws SQLException {
        return ServerFlavor.fromVersion(string(connection, "SELECT VERSION()"));
    }

    /** The first column of the first row, or null. */
    public static String string(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = rows(connection, sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    /** Every row, each column as text. */
    public static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
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
        }
    }

    private static Connection require(Connection connection, String side) {
        if (connection == null) {
            throw new IllegalStateException("The " + side + " is not connected; the item must declare it needs it");
        }
        return connection;
    }
}
