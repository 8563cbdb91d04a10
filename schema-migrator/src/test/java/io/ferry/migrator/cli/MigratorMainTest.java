package io.ferry.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final MigratorMain main = new MigratorMain(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void usageErrorsExitWithTwo(@TempDir Path dir) throws Exception {
        assertThat(main.run()).isEqualTo(2);
        assertThat(main.run("precheck")).isEqualTo(2);
        assertThat(main.run("precheck", "a", "b")).isEqualTo(2);
        assertThat(main.run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command 'frobnicate'", "Usage:");

        Path bad = Files.writeString(dir.resolve("bad.properties"), "source.host=h\nsource.user=u\n");
        assertThat(main.run("precheck", bad.toString(), "--json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Invalid settings: destination.host is required");
        assertThat(out.size()).isZero();
    }

    @Test
    void validateUsageErrorsExitWithTwo(@TempDir Path dir) {
        assertThat(main.run("validate")).isEqualTo(2);
        assertThat(main.run("validate", "a", "b")).isEqualTo(2);
        assertThat(main.run("validate", dir.resolve("missing.properties").toString(), "--json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("validate takes one settings file",
                "Invalid settings: Cannot read the settings file");
        assertThat(out.size()).isZero();
    }

    @Test
    void helpListsEverySettingsKey() {
        assertThat(main.run("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("source.ssl.mode", "conflict.tables",
                "binlog.retention.hours");
    }
}
