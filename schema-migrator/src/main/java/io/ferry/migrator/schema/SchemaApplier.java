package io.ferry.migrator.schema;

import io.ferry.common.Identifiers;
import io.ferry.common.server.ServerFlavor;
import io.ferry.migrator.schema.ObjectOutcome.Status;
import io.ferry.migrator.settings.ConflictPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates planned objects on the destination, one at a time, skipping those an earlier run created: an object
 * whose name exists with the same definition is skipped, one that exists with another definition fails (Ferry
 * does not replace what it cannot prove it created), except a table under {@code conflict.tables=ignore}, which
 * is kept. A dry run reads the destination but changes nothing. Logs one line per object.
 */
final class SchemaApplier {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaApplier.class);

    private final Connection destination;
    private final DestinationSchema existing;
    private final ConflictPolicy conflictTables;
    private final boolean dryRun;
    private final ServerFlavor flavor;

    SchemaApplier(Connection destination, ConflictPolicy conflictTables, boolean dryRun, ServerFlavor flavor)
            throws SQLException {
        this.destination = destination;
        this.existing = new DestinationSchema(destination);
        this.conflictTables = conflictTables;
        this.dryRun = dryRun;
        this.flavor = flavor;
        // Foreign keys are added without re-reading every row (as a replica applies them): the source enforced
        // them, and a check would rebuild each table at cutover.
        execute("SET SESSION foreign_key_checks = 0");
    }

    ObjectOutcome apply(SchemaObject object) {
        if (object.verdict() != null) {
            return log(object, object.verdict(), object.detail());
        }
        Optional<String> present;
        try {
            present = existing.definition(object);
        } catch (SQLException e) {
            return log(object, Status.FAILED, "cannot read the destination: " + e.getMessage());
        }
        if (present.isPresent()) {
            if (present.get().equals(object.expected())) {
                return log(object, Status.SKIPPED, "already present with the same definition");
            }
            if (object.kind() == ObjectKind.TABLE && conflictTables == ConflictPolicy.IGNORE) {
                return log(object, Status.SKIPPED, "exists with other columns; kept as is (conflict.tables=ignore)");
            }
            return log(object, Status.FAILED, "already exists with a different definition; drop or rename it on"
                    + " the destination, or map the source object elsewhere with mapping.rules"
                    + (object.kind() == ObjectKind.TABLE ? " (or set conflict.tables=ignore to keep it)" : ""));
        }
        if (dryRun) {
            return log(object, Status.PLANNED, object.detail());
        }
        try {
            if (object.runIn() != null) {
                destination.setCatalog(object.runIn());
            }
            execute("SET SESSION sql_mode = " + Identifiers.literal(sqlMode(object.sqlMode())));
            for (String statement : object.statements()) {
                execute(statement);
            }
            return log(object, Status.CREATED, object.detail());
        } catch (SQLException e) {
            return log(object, Status.FAILED, PreDataPlan.join(e.getMessage(), object.detail()));
        }
    }

    /**
     * The source object's sql_mode as the destination accepts it: MySQL 8 removed NO_AUTO_CREATE_USER, which
     * MariaDB and MySQL 5.7 still print.
     */
    private String sqlMode(String mode) {
        if (mode == null) {
            return "";
        }
        if (flavor != ServerFlavor.MYSQL) {
            return mode;
        }
        return String.join(",", java.util.Arrays.stream(mode.split(","))
                .filter(m -> !m.equalsIgnoreCase("NO_AUTO_CREATE_USER")).toList());
    }

    private ObjectOutcome log(SchemaObject object, Status status, String detail) {
        String what = object.kind().label() + " " + object.name();
        String suffix = detail.isEmpty() ? "" : ": " + detail;
        switch (status) {
            case CREATED -> LOG.info("Created {}{}", what, suffix);
            case SKIPPED -> LOG.info("Skipped {}{}", what, suffix);
            case PLANNED -> LOG.info("Would create {} (dry run){}", what, suffix);
            case FAILED -> LOG.warn("Failed to create {}{}", what, suffix);
            default -> throw new IllegalStateException(status.name());
        }
        return new ObjectOutcome(object.kind(), object.name(), status, object.runIn(), object.statements(), detail);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = destination.createStatement()) {
            statement.execute(sql);
        }
    }
}
