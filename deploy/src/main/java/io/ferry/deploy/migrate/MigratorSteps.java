package io.ferry.deploy.migrate;

import io.ferry.migrator.precheck.Precheck;
import io.ferry.migrator.precheck.PrecheckReport;
import io.ferry.migrator.schema.SchemaCopy;
import io.ferry.migrator.schema.SchemaCopyReport;
import io.ferry.migrator.schema.SchemaPhase;
import io.ferry.migrator.settings.MigratorSettings;
import io.ferry.migrator.validate.Validation;
import io.ferry.migrator.validate.ValidationReport;

/** {@link MigrationSteps} on the schema migrator: precheck, schema copy and validation, in this JVM. */
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
        SchemaCopyReport report = new SchemaCopy(settings).run(phase, dryRun);
        return new StepReport(report.exitCode(), report.toText(), null);
    }

    @Override
    public StepReport validate() {
        ValidationReport report = new Validation(settings).run();
        return new StepReport(report.exitCode(), report.toTable(), report.toJson());
    }
}
