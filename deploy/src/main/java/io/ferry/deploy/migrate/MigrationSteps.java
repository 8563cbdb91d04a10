package io.ferry.deploy.migrate;

/**
 * Every call {@code ferry} makes into the schema migrator, behind one small interface, so the commands do not
 * depend on how each step is built. {@link MigratorSteps} is the real implementation.
 */
public interface MigrationSteps {

    /** The schema copy's two phases: before the data (tables, views...) and after it (triggers, foreign keys). */
    enum SchemaPhase {
        PRE_DATA, POST_DATA
    }

    /** The migrator's precheck (exit code 0: may proceed, warnings allowed; 1: failures). */
    StepReport precheck();

    /**
     * Copies the schema for one phase; with {@code dryRun} only reports what it would do.
     *
     * @throws StepUnavailableException when this build has no schema copy
     */
    StepReport schema(SchemaPhase phase, boolean dryRun);

    /**
     * Compares source and destination by chunked checksums (exit code 0 only if identical).
     *
     * @throws StepUnavailableException when this build has no validation
     */
    StepReport validate();
}
