package io.ferry.migrator.schema;

import io.ferry.common.Identifiers;
import io.ferry.common.TableId;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the source has that the settings select, read from {@code INFORMATION_SCHEMA} and {@code SHOW CREATE}.
 * Tables and views are selected by the table filter; routines and events by their database; triggers by their
 * table. A database is selected when it holds a selected table, or when the database filter includes it and it
 * holds no table at all (a database of views or routines only).
 */
final class SourceSchema {

    /** A database's defaults, which CREATE DATABASE repeats on the destination. */
    record DatabaseDefaults(String charset, String collation) {
    }

    /** A routine, trigger or event of a source database. */
    record NamedObject(ObjectKind kind, String database, String name) {
    }

    /** A {@code SHOW CREATE} statement and the {@code sql_mode} the server stored with the object. */
    record Definition(String statement, String sqlMode) {
    }

    private final Connection source;
    private final MigratorSettings settings;
    private final List<TableId> tables;
    private final Map<String, DatabaseDefaults> databases;

    SourceSchema(Connection source, MigratorSettings settings) throws SQLException {
        this.source = source;
        this.settings = settings;
        // Backquoted names and no ANSI_QUOTES in what SHOW CREATE prints, whatever the server's default mode.
        execute("SET SESSION sql_mode = '', SESSION sql_quote_show_create = 1");
        List<TableId> selected = new ArrayList<>();
        Set<String> withTables = new TreeSet<>();
        for (List<String> row : rows("SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')")) {
            TableId table = new TableId(row.get(0), row.get(1));
            withTables.add(table.database());
            if (settings.tableFilter().includes(table)) {
                selected.add(table);
            }
        }
        selected.sort(null);
        tables = List.copyOf(selected);
        Set<String> selectedDatabases = new TreeSet<>();
        tables.forEach(t -> selectedDatabases.add(t.database()));
        Map<String, DatabaseDefaults> defaults = new LinkedHashMap<>();
        for (List<String> row : rows("SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                + " FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME")) {
            String name = row.get(0);
            boolean empty = !withTables.contains(name) && settings.tableFilter().includesDatabase(name);
            if (selectedDatabases.contains(name) || empty) {
                defaults.put(name, new DatabaseDefaults(row.get(1), row.get(2)));
            }
        }
        databases = Map.copyOf(defaults);
    }

    /** The selected base tables, in name order. */
    List<TableId> tables() {
        return tables;
    }

    /** The selected databases with their defaults. */
    Map<String, DatabaseDefaults> databases() {
        return databases;
    }

    /** The selected views, in name order. */
    List<TableId> views() throws SQLException {
        List<TableId> views = new ArrayList<>();
        for (List<String> row : rows("SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_TYPE = 'VIEW' ORDER BY TABLE_SCHEMA, TABLE_NAME")) {
            TableId view = new TableId(row.get(0), row.get(1));
            if (databases.containsKey(view.database()) && settings.tableFilter().includes(view)) {
                views.add(view);
            }
        }
        return views;
    }

    /** The procedures and functions of the selected databases (MariaDB's Oracle-mode packages are not copied). */
    List<NamedObject> routines() throws SQLException {
        List<NamedObject> routines = new ArrayList<>();
        for (List<String> row : rows("SELECT ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE"
                + " FROM information_schema.ROUTINES WHERE ROUTINE_TYPE IN ('PROCEDURE', 'FUNCTION')"
                + " ORDER BY ROUTINE_SCHEMA, ROUTINE_TYPE, ROUTINE_NAME")) {
            if (databases.containsKey(row.get(0))) {
                routines.add(new NamedObject(ObjectKind.valueOf(row.get(2)), row.get(0), row.get(1)));
            }
        }
        return routines;
    }

    /**
     * The triggers of the selected tables with the table each is on, in the order the server fires them within
     * one table, timing and event, so that creating them in this order keeps that order.
     */
    Map<NamedObject, TableId> triggers() throws SQLException {
        Map<NamedObject, TableId> triggers = new LinkedHashMap<>();
        for (List<String> row : rows("SELECT TRIGGER_SCHEMA, TRIGGER_NAME, EVENT_OBJECT_SCHEMA, EVENT_OBJECT_TABLE"
                + " FROM information_schema.TRIGGERS ORDER BY EVENT_OBJECT_SCHEMA, EVENT_OBJECT_TABLE, ACTION_TIMING,"
                + " EVENT_MANIPULATION, ACTION_ORDER")) {
            TableId table = new TableId(row.get(2), row.get(3));
            if (tables.contains(table)) {
                triggers.put(new NamedObject(ObjectKind.TRIGGER, row.get(0), row.get(1)), table);
            }
        }
        return triggers;
    }

    /** The scheduled events of the selected databases. */
    List<NamedObject> events() throws SQLException {
        List<NamedObject> events = new ArrayList<>();
        for (List<String> row : rows("SELECT EVENT_SCHEMA, EVENT_NAME FROM information_schema.EVENTS"
                + " ORDER BY EVENT_SCHEMA, EVENT_NAME")) {
            if (databases.containsKey(row.get(0))) {
                events.add(new NamedObject(ObjectKind.EVENT, row.get(0), row.get(1)));
            }
        }
        return events;
    }

    String showCreateTable(TableId table) throws SQLException {
        return column("SHOW CREATE TABLE " + table.quoted(), 2, table.toString());
    }

    String showCreateView(TableId view) throws SQLException {
        return column("SHOW CREATE VIEW " + view.quoted(), 2, view.toString());
    }

    /** The definition of a routine, trigger or event, with the sql_mode stored with it. */
    Definition showCreate(NamedObject object) throws SQLException {
        String name = Identifiers.quote(object.database()) + "." + Identifiers.quote(object.name());
        String keyword = object.kind().name();
        // Routines and triggers print (name, sql_mode, statement, ...); events put time_zone before the statement.
        int statement = object.kind() == ObjectKind.EVENT ? 4 : 3;
        List<List<String>> rows = rows("SHOW CREATE " + keyword + " " + name);
        if (rows.isEmpty() || rows.get(0).get(statement - 1) == null) {
            throw new SQLException("SHOW CREATE " + keyword + " " + name + " returned no definition: the source"
                    + " account needs to see it (SHOW_ROUTINE or global SELECT on MySQL 8, SELECT on mysql.proc"
                    + " before, or to be its definer)");
        }
        return new Definition(rows.get(0).get(statement - 1), rows.get(0).get(1));
    }

    private String column(String sql, int index, String object) throws SQLException {
        List<List<String>> rows = rows(sql);
        if (rows.isEmpty() || rows.get(0).get(index - 1) == null) {
            throw new SQLException(sql + " returned no definition for " + object);
        }
        return rows.get(0).get(index - 1);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = source.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<List<String>> rows(String sql) throws SQLException {
        return rows(source, sql);
    }

    /** Every row of {@code sql}, each column as text. */
    static List<List<String>> rows(Connection connection, String sql) throws SQLException {
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
}
