package io.ferry.common;

import java.util.Objects;

/**
 * A table named by database and table, as MySQL spells them (case as stored). Ordered by database, then
 * table, so sets of tables print and iterate in a stable order.
 */
public record TableId(String database, String table) implements Comparable<TableId> {

    public TableId {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
    }

    /** Parses {@code db.table}; the table part may itself contain dots (MySQL allows it), the database not. */
    public static TableId parse(String qualified) {
        int dot = qualified.indexOf('.');
        if (dot <= 0 || dot == qualified.length() - 1) {
            throw new IllegalArgumentException("Expected db.table, got '" + qualified + "'");
        }
        return new TableId(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    /** The table quoted for SQL: {@code `db`.`table`}. */
    public String quoted() {
        return Identifiers.quote(database) + "." + Identifiers.quote(table);
    }

    @Override
    public int compareTo(TableId other) {
        int byDatabase = database.compareTo(other.database);
        return byDatabase != 0 ? byDatabase : table.compareTo(other.table);
    }

    /** {@code db.table}, unquoted: the form used in topic names, filters and logs. */
    @Override
    public String toString() {
        return database + "." + table;
    }
}
