package io.ferry.migrator.schema;

import io.ferry.migrator.schema.ObjectOutcome.Status;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One object the copy plans to create on the destination, under its destination names.
 *
 * @param kind       what it is
 * @param database   the destination database it belongs to (its statements run with it as default database;
 *                   for a {@link ObjectKind#DATABASE} the database itself, statements run without default; for
 *                   an account or grant, the account as SQL writes it, e.g. {@code 'app'@'%'})
 * @param table      for a foreign key, its table; else null
 * @param objectName the table, view, routine, trigger, event or constraint name; for a grant, what it grants
 *                   (null for a database or an account)
 * @param statements the DDL to run, in order
 * @param sqlMode    the session {@code sql_mode} to create it in (routines, triggers and events keep the source's,
 *                   which the server stores with them), or null for the copy's default
 * @param expected   what {@link DestinationSchema#definition} reads back for this object once it is created:
 *                   equal means "already there", so a rerun skips it
 * @param verdict    null when the object is to be applied; else the outcome decided while planning (SKIPPED or
 *                   FAILED), explained by {@code detail}
 * @param detail     the reason for a verdict, or a note for the operator (may be empty)
 */
record SchemaObject(ObjectKind kind, String database, String table, String objectName, List<String> statements,
                    String sqlMode, String expected, Status verdict, String detail) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern EVENT_STATUS = Pattern.compile(
            "(?i)\\b(?:ENABLE|DISABLE(?:\\s+ON\\s+(?:SLAVE|REPLICA))?)\\s+(?=(?:COMMENT\\s|DO\\s))");

    SchemaObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(database, "database");
        statements = List.copyOf(statements);
        detail = detail == null ? "" : detail;
    }

    /** An object to create. */
    static SchemaObject create(ObjectKind kind, String database, String table, String objectName,
                               List<String> statements, String sqlMode, String expected, String note) {
        return new SchemaObject(kind, database, table, objectName, statements, sqlMode, expected, null, note);
    }

    /** An object that could not be planned (its source definition cannot be copied as is). */
    static SchemaObject failed(ObjectKind kind, String database, String table, String objectName, String why) {
        return new SchemaObject(kind, database, table, objectName, List.of(), null, "", Status.FAILED, why);
    }

    /** An object that is deliberately not copied. */
    static SchemaObject skipped(ObjectKind kind, String database, String table, String objectName,
                                List<String> statements, String why) {
        return new SchemaObject(kind, database, table, objectName, statements, null, "", Status.SKIPPED, why);
    }

    /** {@code db}, {@code db.object} or {@code db.table.constraint}: the name reports and logs use. */
    String name() {
        if (kind == ObjectKind.ACCOUNT || kind == ObjectKind.GRANT) {
            return objectName == null ? database : database + " " + objectName;
        }
        StringBuilder name = new StringBuilder(database);
        if (table != null) {
            name.append('.').append(table);
        }
        if (objectName != null) {
            name.append('.').append(objectName);
        }
        return name.toString();
    }

    /** The database statements run in, or null for statements that create a database. */
    String runIn() {
        return kind == ObjectKind.DATABASE || kind == ObjectKind.ACCOUNT || kind == ObjectKind.GRANT ? null
                : database;
    }

    /**
     * A definition in the form compared across runs: without DEFINER (the destination adds the migration
     * account's), with an event's ENABLE/DISABLE left out (an operator enables events at cutover), with
     * whitespace runs collapsed.
     */
    static String normalize(ObjectKind kind, String definition) {
        String text = DefinerClause.strip(definition.strip());
        if (kind == ObjectKind.EVENT) {
            text = EVENT_STATUS.matcher(text).replaceFirst("");
        }
        return WHITESPACE.matcher(text).replaceAll(" ");
    }
}
