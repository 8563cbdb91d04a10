package io.ferry.migrator.schema;

import io.ferry.common.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the destination already has under a planned object's name, in the form {@link SchemaObject#expected()}
 * takes, so that a rerun can tell "created by an earlier run" (equal) from "something else is there" (different).
 * A database or foreign key is equal when it exists; a table when it has the same columns in the same order
 * (its SHOW CREATE text differs between server versions and grows an AUTO_INCREMENT and foreign keys); views,
 * routines, triggers and events when their normalized {@code SHOW CREATE} text is; a user by its normalized
 * {@code SHOW CREATE USER}, a role by its name; a grant when the account's {@code SHOW GRANTS} has its line.
 */
final class DestinationSchema {

    /** What SHOW GRANTS answers for an account that does not exist. */
    private static final int ER_NONEXISTING_GRANT = 1141;

    private final Connection destination;

    DestinationSchema(Connection destination) {
        this.destination = destination;
    }

    /** The existing object's comparable definition, or empty when the destination has none of that name. */
    Optional<String> definition(SchemaObject object) throws SQLException {
        String db = Identifiers.literal(object.database());
        String name = object.objectName() == null ? null : Identifiers.literal(object.objectName());
        return switch (object.kind()) {
            case SERVER -> Optional.empty();
            case DATABASE -> first("SELECT '' FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = " + db);
            case TABLE -> table(db, name);
            case VIEW -> view(object, db, name);
            case PROCEDURE, FUNCTION -> first("SELECT ROUTINE_NAME FROM information_schema.ROUTINES"
                    + " WHERE ROUTINE_SCHEMA = " + db + " AND ROUTINE_NAME = " + name
                    + " AND ROUTINE_TYPE = '" + object.kind().name() + "'")
                    .isEmpty() ? Optional.empty() : showCreate(object, 3);
            case TRIGGER -> first("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = " + db
                    + " AND TRIGGER_NAME = " + name).isEmpty() ? Optional.empty() : showCreate(object, 3);
            case EVENT -> first("SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = " + db
                    + " AND EVENT_NAME = " + name).isEmpty() ? Optional.empty() : showCreate(object, 4);
            case FOREIGN_KEY -> first("SELECT '' FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = "
                    + db + " AND TABLE_NAME = " + Identifiers.literal(object.table()) + " AND CONSTRAINT_NAME = "
                    + name + " AND CONSTRAINT_TYPE = 'FOREIGN KEY'");
            case ACCOUNT -> account(object);
            case GRANT -> grants(object.database()).filter(g -> g.contains(object.expected()))
                    .map(g -> object.expected());
        };
    }

    /** A role exists or not; a user compares by its normalized SHOW CREATE USER (plugin, hash, limits...). */
    private Optional<String> account(SchemaObject object) throws SQLException {
        if (grants(object.database()).isEmpty()) {
            return Optional.empty();
        }
        if (object.statements().get(0).startsWith("CREATE ROLE")) {
            return Optional.of("");
        }
        return Optional.of(SchemaObject.normalize(ObjectKind.ACCOUNT,
                SourceSchema.rows(destination, "SHOW CREATE USER " + object.database()).get(0).get(0)));
    }

    /**
     * The account's normalized grant lines, or empty when it does not exist. A grant is "already there" when its
     * line is among them: GRANT only adds, so no other grant can conflict with it.
     */
    private Optional<List<String>> grants(String account) throws SQLException {
        try {
            return Optional.of(SourceSchema.rows(destination, "SHOW GRANTS FOR " + account).stream()
                    .map(r -> SchemaObject.normalize(ObjectKind.GRANT, r.get(0))).toList());
        } catch (SQLException e) {
            if (e.getErrorCode() == ER_NONEXISTING_GRANT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Column names, lower-cased (MySQL compares them so), comma-separated; a view of that name is not equal. */
    private Optional<String> table(String db, String name) throws SQLException {
        Optional<String> type = first("SELECT TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = " + db
                + " AND TABLE_NAME = " + name);
        if (type.isEmpty()) {
            return type;
        }
        if ("VIEW".equals(type.get())) {
            return Optional.of("a view");
        }
        return Optional.of(columns(SourceSchema.rows(destination, "SELECT COLUMN_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = " + db + " AND TABLE_NAME = " + name + " ORDER BY ORDINAL_POSITION")
                .stream().map(r -> r.get(0)).toList()));
    }

    private Optional<String> view(SchemaObject object, String db, String name) throws SQLException {
        Optional<String> type = first("SELECT TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = " + db
                + " AND TABLE_NAME = " + name);
        if (type.isEmpty() || !"VIEW".equals(type.get())) {
            return type.map(t -> "a table");
        }
        return showCreate(object, 2);
    }

    /** The columns of a table as {@link #definition} compares them. */
    static String columns(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    private Optional<String> showCreate(SchemaObject object, int column) throws SQLException {
        String keyword = object.kind() == ObjectKind.VIEW ? "VIEW" : object.kind().name();
        List<List<String>> rows = SourceSchema.rows(destination, "SHOW CREATE " + keyword + " "
                + Identifiers.quote(object.database()) + "." + Identifiers.quote(object.objectName()));
        if (rows.isEmpty() || rows.get(0).get(column - 1) == null) {
            return Optional.of("a definition the migration account cannot read");
        }
        return Optional.of(SchemaObject.normalize(object.kind(), rows.get(0).get(column - 1)));
    }

    private Optional<String> first(String sql) throws SQLException {
        List<List<String>> rows = SourceSchema.rows(destination, sql);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0).get(0)).or(() -> Optional.of(""));
    }
}
