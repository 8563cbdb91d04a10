package io.ferry.migrator.schema;

import io.ferry.common.server.ServerFlavor;
import io.ferry.migrator.schema.ObjectOutcome.Status;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the selected schema from the source to the destination under the mapped names, in two phases (see
 * {@link SchemaPhase}). Safe to rerun: what an earlier run created is skipped. Each object succeeds or fails on
 * its own, so one bad view does not stop the tables; the report lists every object.
 */
public final class SchemaCopy {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaCopy.class);

    private final MigratorSettings settings;

    public SchemaCopy(MigratorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Runs one phase; with {@code dryRun} the destination is only read and the report holds the DDL. */
    public SchemaCopyReport run(SchemaPhase phase, boolean dryRun) {
        return run(phase, dryRun, false);
    }

    /**
     * Runs one phase and, with {@code accounts}, then copies the accounts of {@code accounts.include} with their
     * grants (after the objects, since table and routine grants need their object to exist).
     */
    public SchemaCopyReport run(SchemaPhase phase, boolean dryRun, boolean accounts) {
        LOG.info("Schema copy {}{}: {} -> {}", phase.configValue(), dryRun ? " (dry run)" : "", settings.source(),
                settings.destination());
        List<ObjectOutcome> outcomes = new ArrayList<>();
        try (Connection source = connect("source", settings, true);
             Connection destination = connect("destination", settings, false)) {
            SourceSchema schema = new SourceSchema(source, settings);
            List<SchemaObject> objects = new ArrayList<>(phase == SchemaPhase.PRE_DATA
                    ? new PreDataPlan(schema, settings).objects()
                    : new PostDataPlan(schema, settings).objects());
            if (accounts) {
                objects.addAll(new AccountPlan(source, settings).objects());
            }
            ServerFlavor flavor = ServerFlavor.fromVersion(destination.getMetaData().getDatabaseProductVersion());
            SchemaApplier applier = new SchemaApplier(destination, settings.conflictTables(), dryRun, flavor);
            for (SchemaObject object : objects) {
                outcomes.add(applier.apply(object));
            }
        } catch (SQLException e) {
            LOG.warn("Schema copy {} stopped: {}", phase.configValue(), e.getMessage());
            outcomes.add(new ObjectOutcome(ObjectKind.SERVER, "source/destination", Status.FAILED, null, List.of(),
                    e.getMessage()));
        }
        SchemaCopyReport report = new SchemaCopyReport(phase, dryRun, outcomes);
        LOG.info("Schema copy {}{} finished: {} {}, {} skipped, {} failed", phase.configValue(),
                dryRun ? " (dry run)" : "", report.outcomes(dryRun ? Status.PLANNED : Status.CREATED).size(),
                dryRun ? "to create" : "created",
                report.outcomes(Status.SKIPPED).size(), report.outcomes(Status.FAILED).size());
        return report;
    }

    private static Connection connect(String side, MigratorSettings settings, boolean source) throws SQLException {
        try {
            return (source ? settings.source() : settings.destination()).connect();
        } catch (SQLException e) {
            throw new SQLException("Cannot connect to the " + side + " " + (source ? settings.source()
                    : settings.destination()) + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }
}
