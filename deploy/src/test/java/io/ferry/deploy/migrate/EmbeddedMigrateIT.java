package io.ferry.deploy.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.deploy.cli.CliRunner;
import io.ferry.testkit.mysql.MySqlServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry migrate} with no connect section: the embedded broker and worker start in this JVM, a full-only
 * task copies the table and ends by itself once the copy is applied, and the stack stops with it; a re-run
 * restarts the stack on the same data and resumes instead of copying again.
 */
class EmbeddedMigrateIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @Test
    void fullOnlyTaskEndsWhenTheCopyIsApplied(@TempDir Path dir) throws Exception {
        for (MySqlServer server : new MySqlServer[] {SOURCE, DESTINATION}) {
            server.createDatabase("crm");
            server.execute("CREATE TABLE crm.people (id BIGINT PRIMARY KEY, name VARCHAR(40))");
        }
        SOURCE.execute("INSERT INTO crm.people SELECT seq, CONCAT('p', seq) FROM crm.seq_1_to_1500");
        Path task = dir.resolve("task.yaml");
        Files.writeString(task, """
                name: embedded-it
                source: { host: %s, port: %d, user: %s, password: "%s" }
                destination: { host: %s, port: %d, user: %s, password: "%s" }
                objects: { include: [ crm ] }
                migration: { types: [ full ], conflict: { tables: ignore } }
                embedded: { data-dir: "%s" }
                """.formatted(SOURCE.host(), SOURCE.port(), SOURCE.user(), SOURCE.password(), DESTINATION.host(),
                DESTINATION.port(), DESTINATION.user(), DESTINATION.password(), dir.resolve("data")));

        CliRunner.Result migrate = CliRunner.run("migrate", task.toString());

        assertThat(migrate.exitCode()).as(migrate.out() + migrate.err()).isZero();
        assertThat(migrate.out()).contains("Embedded stack up in", "The full copy is applied.",
                "Stopping the embedded stack");
        assertThat(DESTINATION.queryString("SELECT COUNT(*) FROM crm.people")).isEqualTo("1500");
        assertThat(Files.exists(dir.resolve("data").resolve("stack.properties"))).isTrue();
        String applied = "SELECT SUM(next_offset) FROM ferry.ferry_offsets WHERE connector = 'embedded-it-sink'";
        assertThat(DESTINATION.queryString(applied)).isEqualTo("1500");

        // A re-run restarts the stack on the same data: the connectors exist, the snapshot is not read again.
        CliRunner.Result again = CliRunner.run("migrate", task.toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("resuming from their offsets", "The full copy is applied.")
                .doesNotContain("Precheck");
        assertThat(DESTINATION.queryString(applied)).isEqualTo("1500");

        CliRunner.Result status = CliRunner.run("status", task.toString());
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err()).contains("the embedded stack of task embedded-it is not running");
    }
}
