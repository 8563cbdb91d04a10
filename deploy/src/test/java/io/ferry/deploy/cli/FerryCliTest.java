package io.ferry.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.FerryVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
    void plannedCommandsFailAndSaySo() {
        assertThat(cli.run(new String[] {"migrate", "task.yaml"})).isEqualTo(FerryCli.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ferry migrate: not implemented yet");
    }

    @Test
    void demoSaysItIsNotImplementedYet() {
        assertThat(cli.run(new String[] {"demo"})).isEqualTo(FerryCli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("ferry demo: not implemented yet");
    }
}
