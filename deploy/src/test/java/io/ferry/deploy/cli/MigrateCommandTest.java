package io.ferry.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.deploy.migrate.MigrationSteps;
import io.ferry.deploy.migrate.StepReport;
import io.ferry.deploy.task.TaskFile;
import io.ferry.deploy.task.TaskFileParser;
import io.ferry.migrator.schema.SchemaPhase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The steps before any connector exists, with the migrator behind {@link MigrationSteps} replaced. */
class MigrateCommandTest {

    private static final String SCHEMA_ONLY = """
            name: t
            source: { host: 127.0.0.1, port: 1, user: u }
            destination: { host: 127.0.0.1, port: 2, user: u }
            migration: { types: [ schema ] }
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> calls = new ArrayList<>();

    @Test
    void aFailedPrecheckStopsBeforeTheSchema() {
        int code = command(SCHEMA_ONLY, new Steps(1, 0)).run();
        assertThat(code).isEqualTo(FerryCli.FAILED);
        assertThat(calls).containsExactly("precheck");
        assertThat(text(err)).contains("the precheck failed");
    }

    @Test
    void schemaOnlyRunsPrecheckThenPreDataAndCreatesNoConnector() {
        int code = command(SCHEMA_ONLY, new Steps(0, 0)).run();
        assertThat(code).isEqualTo(FerryCli.OK);
        assertThat(calls).containsExactly("precheck", "schema PRE_DATA");
        assertThat(text(out)).contains("precheck report", "schema report").doesNotContain("Embedded");
    }

    @Test
    void aFailedSchemaCopyFailsTheTask() {
        assertThat(command(SCHEMA_ONLY, new Steps(0, 1)).run()).isEqualTo(FerryCli.FAILED);
        assertThat(text(err)).contains("the schema copy failed");
    }

    private MigrateCommand command(String yaml, MigrationSteps steps) {
        TaskFile task = TaskFileParser.parse(yaml);
        return new MigrateCommand(task, Map.of(), stream(out), stream(err), settings -> steps);
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Scripted steps: the exit codes of precheck and schema. */
    private class Steps implements MigrationSteps {
        private final int precheck;
        private final int schema;

        Steps(int precheck, int schema) {
            this.precheck = precheck;
            this.schema = schema;
        }

        @Override
        public StepReport precheck() {
            calls.add("precheck");
            return new StepReport(precheck, "precheck report\n", "{}");
        }

        @Override
        public StepReport schema(SchemaPhase phase, boolean dryRun) {
            calls.add("schema " + phase);
            return new StepReport(schema, "schema report\n", null);
        }

        @Override
        public StepReport validate() {
            calls.add("validate");
            return new StepReport(0, "", null);
        }
    }
}
