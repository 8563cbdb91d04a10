package io.ferry.deploy.migrate;

import io.ferry.migrator.precheck.Precheck;
import io.ferry.migrator.precheck.PrecheckReport;
import io.ferry.migrator.settings.MigratorSettings;

/**
 * {@link MigrationSteps} on the schema migrator of this build: the precheck runs for real; the schema copy and
 * validation are not part of this build yet and say so.
 */
public final class MigratorSteps implements MigrationSteps {

    private final MigratorSettings settings;

    public MigratorSteps(MigratorSettings settings) {
        this.settings = settings;
    }

    @Override
    public StepReport precheck() {
        PrecheckReport report = new Precheck(settings).run();
        return new StepReport(report.exitCode(), report.toTable(), report.toJson());
    }

    @Override
    public StepReport schema(SchemaPhase phase, boolean dryRun) {
        throw new StepUnavailableException("The schema copy (" + phase + ")");
    }

    @Override
    public StepReport validate() {
        throw new StepUnavailableException("Data validation");
    }
}
