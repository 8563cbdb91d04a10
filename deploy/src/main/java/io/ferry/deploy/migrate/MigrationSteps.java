package io.ferry.deploy.migrate;

import io.ferry.migrator.schema.SchemaPhase;

/**
 * Every call {@code ferry} makes into the schema migrator, behind one small interface, so the commands do not
 * depend on how each step is built and tests can stand in for a step. {@link MigratorSteps} is the real one.
 */
public interface MigrationSteps {

    /** The migrator's precheck (exit code 0: may proceed, warnings allowed; 1: failures). */
    StepReport precheck();

    /** Copies the schema for one phase; with {@code dryRun} only reports what it would do. */
    StepReport schema(SchemaPhase phase, boolean dryRun);

    /** Compares source and destination by chunked checksums (exit code 0 only if identical). */
    StepReport validate();
}
