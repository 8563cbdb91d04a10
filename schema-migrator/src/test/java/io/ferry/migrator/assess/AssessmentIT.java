package io.ferry.migrator.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.server.Finding;
import io.ferry.migrator.cli.MigratorMain;
import io.ferry.migrator.precheck.Precheck;
import io.ferry.migrator.precheck.PrecheckReport;
import io.ferry.migrator.settings.MigratorSettings;
import io.ferry.migrator.ServerSettings;
import io.ferry.testkit.mysql.MySqlServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assessment items against real servers: a source schema that uses each flagged feature, and a destination
 * whose default row format is COMPACT, where a key part may take 767 bytes: less than a utf8mb4 VARCHAR(255).
 */
class AssessmentIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    private static Map<String, String> settings(String database) {
        Map<String, String> values = ServerSettings.of(SOURCE, DESTINATION, database);
        values.put("table.exclude", "app\\.secret");
        return values;
    }

    private static List<String> findings(PrecheckReport report, String item, Finding.Severity severity) {
        return report.item(item).orElseThrow(() -> new AssertionError("no " + item + " in\n" + report.toTable()))
                .findings().stream().filter(f -> f.severity() == severity).map(Finding::subject).toList();
    }

    @Test
    void eachFeatureTheDestinationHandlesDifferentlyIsFlagged() {
        SOURCE.createDatabase("app");
        SOURCE.createDatabase("other");
        SOURCE.execute("CREATE TABLE other.t (id INT PRIMARY KEY)",
                "CREATE TABLE app.secret (id INT PRIMARY KEY)",
                "CREATE TABLE app.wide (id INT PRIMARY KEY, name VARCHAR(255) CHARACTER SET utf8mb4,"
                        + " KEY by_name (name))",
                "CREATE TABLE app.narrow (id INT PRIMARY KEY, name VARCHAR(100) CHARACTER SET utf8mb4, KEY (name))",
                "CREATE TABLE app.legacy (id INT PRIMARY KEY) ENGINE=MyISAM",
                "CREATE TABLE app.history (id INT PRIMARY KEY) PARTITION BY RANGE (id)"
                        + " (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN MAXVALUE)",
                "CREATE TABLE app.places (id INT PRIMARY KEY, note VARCHAR(100), pos POINT NOT NULL,"
                        + " FULLTEXT KEY ft (note), SPATIAL KEY sp (pos))",
                "CREATE TABLE app.computed (id INT PRIMARY KEY, j LONGTEXT, n INT AS (id * 2) VIRTUAL)",
                "CREATE VIEW app.crossing AS SELECT id FROM other.t",
                "CREATE PROCEDURE app.peek() SELECT COUNT(*) FROM secret",
                "CREATE PROCEDURE app.fine() SELECT COUNT(*) FROM app.narrow");

        PrecheckReport report;
        try {
            DESTINATION.execute("SET GLOBAL innodb_default_row_format = 'compact'");
            report = new Precheck(MigratorSettings.of(settings("app")), Assessment.withPrecheck()).run();
        } finally {
            DESTINATION.execute("SET GLOBAL innodb_default_row_format = 'dynamic'");
        }

        assertThat(findings(report, "index-key-length", Finding.Severity.FAILURE))
                .containsExactly("app.wide index by_name");
        assertThat(findings(report, "engines", Finding.Severity.WARNING)).containsExactly("app.legacy");
        assertThat(findings(report, "partitions", Finding.Severity.WARNING)).containsExactly("app.history");
        assertThat(findings(report, "fulltext-spatial", Finding.Severity.WARNING))
                .containsExactly("app.places index ft", "app.places index sp");
        assertThat(findings(report, "generated-columns", Finding.Severity.PASS)).hasSize(1);
        assertThat(findings(report, "outside-references", Finding.Severity.WARNING))
                .containsExactlyInAnyOrder("View app.crossing", "PROCEDURE app.peek");
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void assessIsAnOptionOfThePrecheckCommand(@TempDir Path dir) throws Exception {
        SOURCE.createDatabase("plain");
        SOURCE.execute("CREATE TABLE plain.t (id INT PRIMARY KEY, name VARCHAR(20))");
        Properties properties = new Properties();
        properties.putAll(settings("plain"));
        Path file = dir.resolve("assess.properties");
        try (var writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MigratorMain main = new MigratorMain(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        main.run("precheck", file.toString(), "--assess");
        String withAssessment = out.toString(StandardCharsets.UTF_8);
        out.reset();
        main.run("precheck", file.toString());

        assertThat(withAssessment).contains("index-key-length", "engines", "partitions", "fulltext-spatial",
                "generated-columns", "outside-references", "All 1 selected table(s) use InnoDB");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("index-key-length");
    }
}
