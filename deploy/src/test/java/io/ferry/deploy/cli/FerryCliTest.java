package io.ferry.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.FerryVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FerryCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final FerryCli cli = new FerryCli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void noArgumentsIsAUsageError() {
        assertThat(cli.run(new String[0])).isEqualTo(FerryCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ferry");
    }

    @Test
    void unknownCommandIsAUsageErrorNamingIt() {
        assertThat(cli.run(new String[] {"migrat"})).isEqualTo(FerryCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'migrat'");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(cli.run(new String[] {"version"})).isEqualTo(FerryCli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ferry " + FerryVersion.get() + "\n");
    }

    @Test
    void cutoverAndValidateNeedATaskFile() {
        assertThat(cli.run(new String[] {"cutover", "--no-prompt"})).isEqualTo(FerryCli.USAGE);
        assertThat(cli.run(new String[] {"validate", "missing-task.yaml"})).isEqualTo(FerryCli.USAGE);
    }

    @Test
    void aTaskCommandWithoutATaskFileIsAUsageError() {
        assertThat(cli.run(new String[] {"migrate"})).isEqualTo(FerryCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ferry migrate takes one task file");
    }

    @Test
    void aBadTaskFileIsAUsageErrorNamingTheField(@TempDir Path dir) throws IOException {
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, "name: t\nsource: { host: s, user: u }\ndestination: { host: d, user: u }\n"
                + "migration: { types: [ full, fulll ] }\n");
        assertThat(cli.run(new String[] {"plan", task.toString()})).isEqualTo(FerryCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("migration.types[1]: 'fulll' is not one of schema, full, incremental");
    }

    @Test
    void unknownOptionIsAUsageError(@TempDir Path dir) throws IOException {
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, "name: t\nsource: { host: s, user: u }\ndestination: { host: d, user: u }\n");
        assertThat(cli.run(new String[] {"status", task.toString(), "--yaml"})).isEqualTo(FerryCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --yaml (options: --json)");
    }

    @Test
    void planPrintsSettingsAndConnectorsWithLiteralSecretsMasked(@TempDir Path dir) throws IOException {
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, "name: shop-move\n"
                + "source: { host: s, user: u, password: \"${env:SRC_PASSWORD}\" }\n"
                + "destination: { host: d, user: u, password: hunter2 }\nobjects: { include: [ \"shop.*\" ] }\n");
        assertThat(cli.run(new String[] {"plan", task.toString()})).isEqualTo(FerryCli.OK);
        String plan = out.toString(StandardCharsets.UTF_8);
        assertThat(plan).contains("source.password=${env:SRC_PASSWORD}", "destination.password=********",
                "# PUT /connectors/shop-move-source/config", "# PUT /connectors/shop-move-sink/config",
                "\"connection.password\" : \"********\"", "\"topic.prefix\" : \"shop-move\"")
                .doesNotContain("hunter2");
    }

    @Test
    void demoOptionsAreCheckedBeforeAnythingStarts() {
        assertThat(cli.run(new String[] {"demo", "--rows"})).isEqualTo(FerryCli.USAGE);
        assertThat(cli.run(new String[] {"demo", "--rows", "0"})).isEqualTo(FerryCli.USAGE);
        assertThat(cli.run(new String[] {"demo", "--fast", "1"})).isEqualTo(FerryCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rows needs a whole number of at least 1",
                "ferry demo takes [--rows N] [--seconds S]");
        assertThat(out.size()).isZero();
    }
}
