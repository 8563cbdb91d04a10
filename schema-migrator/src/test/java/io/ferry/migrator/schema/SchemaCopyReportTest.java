package io.ferry.migrator.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.migrator.schema.ObjectOutcome.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCopyReportTest {

    @Test
    void aDryRunPrintsARunnableScript() {
        SchemaCopyReport report = new SchemaCopyReport(SchemaPhase.PRE_DATA, true, List.of(
                new ObjectOutcome(ObjectKind.DATABASE, "d", Status.PLANNED, null, List.of("CREATE DATABASE `d`"), ""),
                new ObjectOutcome(ObjectKind.TABLE, "d.t", Status.SKIPPED, "d", List.of("CREATE TABLE t (a INT)"),
                        "already present with the same definition"),
                new ObjectOutcome(ObjectKind.PROCEDURE, "d.p", Status.PLANNED, "d",
                        List.of("CREATE PROCEDURE p()\nBEGIN SELECT 1; END"), "")));

        assertThat(report.ok()).isTrue();
        assertThat(report.exitCode()).isZero();
        assertThat(report.statements()).hasSize(2);
        assertThat(report.toText()).isEqualTo("""
                planned  database  d
                skipped  table     d.t: already present with the same definition
                planned  procedure d.p

                Schema copy pre-data (dry run): 2 to create, 1 skipped, 0 failed

                -- DDL the run would execute on the destination:

                -- database d
                CREATE DATABASE `d`;

                -- procedure d.p
                USE `d`;
                DELIMITER ;;
                CREATE PROCEDURE p()
                BEGIN SELECT 1; END ;;
                DELIMITER ;
                """);
    }

    @Test
    void aFailureFailsTheRun() {
        SchemaCopyReport report = new SchemaCopyReport(SchemaPhase.POST_DATA, false, List.of(new ObjectOutcome(
                ObjectKind.TRIGGER, "d.tr", Status.FAILED, "d", List.of("CREATE TRIGGER ..."), "Table 'd.x'\n"
                + "doesn't exist")));

        assertThat(report.ok()).isFalse();
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.toText()).startsWith("FAILED   trigger d.tr: Table 'd.x' doesn't exist\n")
                .contains("post-data: 0 created, 0 skipped, 1 failed");
    }

    @Test
    void phasesParseAsTheCommandLineSpellsThem() {
        assertThat(SchemaPhase.parse("pre-data")).isEqualTo(SchemaPhase.PRE_DATA);
        assertThat(SchemaPhase.parse(" POST-DATA ")).isEqualTo(SchemaPhase.POST_DATA);
        assertThatThrownBy(() -> SchemaPhase.parse("data")).hasMessageContaining("pre-data, post-data");
    }
}
