package io.ferry.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The argument handling of {@code migrate}; the copy itself is tested by {@code SchemaCopyIT}. */
class MigrateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final MigratorMain main = new MigratorMain(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void usageErrorsExitWithTwo(@TempDir Path dir) throws Exception {
        assertThat(main.run("migrate")).isEqualTo(2);
        assertThat(main.run("migrate", "a", "b")).isEqualTo(2);
        assertThat(main.run("migrate", "a", "--phase")).isEqualTo(2);
        assertThat(main.run("migrate", "a", "--phase", "during-data")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'during-data' is not a schema phase",
                "Usage: schema-migrator migrate <settings-file>");

        Path bad = Files.writeString(dir.resolve("bad.properties"), "source.host=h\nsource.user=u\n");
        assertThat(main.run("migrate", bad.toString(), "--phase", "post-data", "--dry-run")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Invalid settings: destination.host is required");
        assertThat(out.size()).isZero();
    }

    @Test
    void accountsNeedTheirPatterns(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("m.properties"), "source.host=h\nsource.user=u\n"
                + "destination.host=h\ndestination.user=u\n");
        assertThat(main.run("migrate", file.toString(), "--accounts")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--accounts needs accounts.include");
    }
}
