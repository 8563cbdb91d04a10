package io.ferry.migrator.precheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.common.server.Finding;
import io.ferry.migrator.cli.MigratorMain;
import io.ferry.migrator.precheck.ItemResult.Status;
import io.ferry.migrator.settings.MigratorSettings;
import io.ferry.migrator.ServerSettings;
import io.ferry.testkit.mysql.MySqlServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
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
 * Each precheck item against real servers, made to fail on purpose: the binlog settings are changed with
 * {@code SET GLOBAL} (and put back), accounts get limited grants, tables are created to conflict. Each test
 * selects its own database, so the two shared servers serve every test.
 */
class PrecheckIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    /** Stores and compares names in lower case, as Windows and macOS servers (and many Linux setups) do. */
    @RegisterExtension
    static final MySqlServer CASE_INSENSITIVE_DESTINATION = MySqlServer.forRole("destination-ci")
            .option("--lower-case-table-names=1").build();

    private static Map<String, String> settings(String database) {
        Map<String, String> values = ServerSettings.of(SOURCE, DESTINATION, database);
        return values;
    }

    private static PrecheckReport run(Map<String, String> values) {
        return new Precheck(MigratorSettings.of(values)).run();
    }

    private static List<Finding> findings(PrecheckReport report, String item) {
        return report.item(item).orElseThrow(() -> new AssertionError("no item " + item + " in\n"
                + report.toTable())).findings();
    }

    private static Finding finding(PrecheckReport report, String item, String subject) {
        return findings(report, item).stream().filter(f -> f.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + subject + " in " + item + ":\n" + report.toTable()));
    }

    @Test
    void aWellPreparedMigrationPassesThroughTheCommandLine(@TempDir Path dir) throws Exception {
        SOURCE.createDatabase("clean");
        SOURCE.execute("CREATE TABLE clean.orders (id INT PRIMARY KEY, note VARCHAR(20))",
                "CREATE TABLE clean.codes (code CHAR(3) NOT NULL, UNIQUE KEY uk (code))");
        Properties properties = new Properties();
        properties.putAll(settings("clean"));
        Path file = dir.resolve("migration.properties");
        try (var writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MigratorMain main = new MigratorMain(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        int exit = main.run("precheck", file.toString(), "--json");

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.get("status").asText()).as(text).isEqualTo("pass");
        assertThat(json.get("items")).extracting(i -> i.get("name").asText()).containsExactly("connectivity",
                "versions", "selection", "source-privileges", "destination-privileges", "binlog", "conflicting-tables",
                "keyless-tables", "destination-names", "lower-case-table-names", "charsets", "free-space");
        assertThat(text).contains("2 table(s) selected in 1 database(s): clean",
                "2 table(s) checked: none exists in the destination",
                "Every selected table has a primary key or unique NOT NULL key", "Binlogs never expire");

        out.reset();
        assertThat(main.run("precheck", file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("ITEM").contains("Precheck pass: 0 failure(s)");
    }

    @Test
    void binlogSettingsTheStreamCannotUseFail() {
        SOURCE.createDatabase("binlogs");
        try {
            SOURCE.execute("SET GLOBAL binlog_format = 'STATEMENT'", "SET GLOBAL binlog_row_image = 'MINIMAL'",
                    "SET GLOBAL binlog_row_metadata = 'MINIMAL'", "SET GLOBAL binlog_expire_logs_seconds = 3600");

            PrecheckReport report = run(settings("binlogs"));

            assertThat(finding(report, "binlog", "binlog_format").message())
                    .isEqualTo("binlog_format is STATEMENT, Ferry needs ROW");
            assertThat(finding(report, "binlog", "binlog_row_image").failed()).isTrue();
            assertThat(finding(report, "binlog", "binlog_row_metadata").failed()).isTrue();
            Finding retention = finding(report, "binlog", "binlog retention");
            assertThat(retention.message()).isEqualTo("Binlogs expire after 1 h, less than the 24 h required");
            assertThat(retention.fix()).startsWith("SET GLOBAL binlog_expire_logs_seconds = 86400");
            assertThat(finding(report, "binlog", "log_bin").failed()).isFalse();
            assertThat(report.exitCode()).isEqualTo(1);

            Map<String, String> schemaOnly = settings("binlogs");
            schemaOnly.put("migration.types", "schema,full");
            assertThat(run(schemaOnly).item("binlog")).as("only incremental reads the binlog").isEmpty();
        } finally {
            SOURCE.execute("SET GLOBAL binlog_format = 'ROW'", "SET GLOBAL binlog_row_image = 'FULL'",
                    "SET GLOBAL binlog_row_metadata = 'FULL'", "SET GLOBAL binlog_expire_logs_seconds = 0");
        }
    }

    @Test
    void accountsWithoutTheNeededPrivilegesFailNamingTheGrant() {
        SOURCE.createDatabase("grants");
        SOURCE.execute("CREATE TABLE grants.t (id INT PRIMARY KEY)",
                "CREATE OR REPLACE USER 'reader'@'%' IDENTIFIED BY 'pw'", "GRANT SELECT ON grants.* TO 'reader'@'%'");
        DESTINATION.execute("CREATE OR REPLACE USER 'writer'@'%' IDENTIFIED BY 'pw'",
                "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE ON `grants\\_copy`.* TO 'writer'@'%'");
        Map<String, String> values = settings("grants");
        values.put("source.user", "reader");
        values.put("source.password", "pw");
        values.put("destination.user", "writer");
        values.put("destination.password", "pw");
        values.put("mapping.rules", "grants=grants_copy");

        PrecheckReport report = run(values);

        assertThat(finding(report, "source-privileges", "SELECT").failed()).isFalse();
        assertThat(finding(report, "source-privileges", "SHOW VIEW").fix())
                .isEqualTo("GRANT SHOW VIEW ON `grants`.* TO 'reader'");
        assertThat(finding(report, "source-privileges", "REPLICATION SLAVE").failed()).isTrue();
        assertThat(finding(report, "source-privileges", "REPLICATION CLIENT").failed()).isTrue();
        assertThat(findings(report, "destination-privileges")).filteredOn(Finding::failed)
                .extracting(Finding::subject)
                .containsExactly("ALTER", "DROP", "INDEX", "CREATE VIEW", "CREATE ROUTINE", "TRIGGER");
        assertThat(finding(report, "destination-privileges", "ALTER").message())
                .as("checked on the mapped database").isEqualTo("The account lacks ALTER on grants_copy");

        values.put("migration.types", "full");
        PrecheckReport dataOnly = run(values);
        assertThat(findings(dataOnly, "source-privileges")).extracting(Finding::subject).containsExactly("SELECT");
        assertThat(dataOnly.item("destination-privileges").orElseThrow().status()).isEqualTo(Status.PASS);
    }

    @Test
    void aDestinationTableUnderTheMappedNameConflictsByPolicy() {
        SOURCE.createDatabase("conflict");
        SOURCE.execute("CREATE TABLE conflict.orders (id INT PRIMARY KEY)",
                "CREATE TABLE conflict.items (id INT PRIMARY KEY)");
        DESTINATION.createDatabase("conflict_v2");
        DESTINATION.execute("CREATE TABLE conflict_v2.orders (id INT PRIMARY KEY)");
        DESTINATION.createDatabase("conflict");
        DESTINATION.execute("CREATE TABLE conflict.items (id INT PRIMARY KEY)");
        Map<String, String> values = settings("conflict");
        values.put("mapping.rules", "conflict=conflict_v2");

        PrecheckReport errors = run(values);

        assertThat(findings(errors, "conflicting-tables")).as("conflict.items is not a target: not a conflict")
                .singleElement().satisfies(f -> {
                    assertThat(f.failed()).isTrue();
                    assertThat(f.subject()).isEqualTo("conflict_v2.orders");
                    assertThat(f.fix()).contains("conflict.tables=ignore");
                });

        values.put("conflict.tables", "ignore");
        PrecheckReport ignored = run(values);
        assertThat(ignored.item("conflicting-tables").orElseThrow().status()).isEqualTo(Status.WARNING);

        values.put("migration.types", "full,incremental");
        PrecheckReport withoutSchema = run(values);
        assertThat(findings(withoutSchema, "conflicting-tables")).singleElement().satisfies(f -> {
            assertThat(f.failed()).isTrue();
            assertThat(f.message()).isEqualTo("The destination has no table conflict_v2.items for conflict.items");
        });
    }

    @Test
    void aCaseInsensitiveDestinationWarnsAndFindsClashesAndConflictsInAnyCase() {
        SOURCE.createDatabase("CaseDb");
        SOURCE.execute("CREATE TABLE CaseDb.Orders (id INT PRIMARY KEY)",
                "CREATE TABLE CaseDb.orders (id INT PRIMARY KEY)",
                "CREATE TABLE CaseDb.Items (id INT PRIMARY KEY)");
        CASE_INSENSITIVE_DESTINATION.createDatabase("casedb");
        CASE_INSENSITIVE_DESTINATION.execute("CREATE TABLE casedb.items (id INT PRIMARY KEY)");
        Map<String, String> values = settings("CaseDb");
        values.put("destination.port", String.valueOf(CASE_INSENSITIVE_DESTINATION.port()));
        values.put("destination.user", CASE_INSENSITIVE_DESTINATION.user());
        values.put("destination.password", CASE_INSENSITIVE_DESTINATION.password());

        PrecheckReport report = run(values);

        Finding lowerCase = finding(report, "lower-case-table-names", "lower_case_table_names");
        assertThat(lowerCase.severity()).isEqualTo(Finding.Severity.WARNING);
        assertThat(lowerCase.message())
                .startsWith("lower_case_table_names is 0 on the source and 1 on the destination");
        assertThat(findings(report, "destination-names")).extracting(Finding::message).containsExactly(
                "Tables CaseDb.Orders and CaseDb.orders differ only in case, and the destination compares names"
                        + " case-insensitively (lower_case_table_names is not 0)");
        assertThat(findings(report, "conflicting-tables")).extracting(Finding::subject).contains("CaseDb.Items");
    }

    @Test
    void tablesWithoutAUsableKeyWarn() {
        SOURCE.createDatabase("keys");
        SOURCE.execute("CREATE TABLE keys.log (msg VARCHAR(50))",
                "CREATE TABLE keys.nullable_unique (code CHAR(3) NULL, UNIQUE KEY uk (code))",
                "CREATE TABLE keys.keyed (id INT PRIMARY KEY)");

        PrecheckReport report = run(settings("keys"));

        assertThat(findings(report, "keyless-tables")).extracting(Finding::subject)
                .containsExactly("keys.log", "keys.nullable_unique");
        assertThat(report.item("keyless-tables").orElseThrow().status()).isEqualTo(Status.WARNING);
        assertThat(report.exitCode()).as("warnings do not fail the precheck").isZero();
    }

    @Test
    void anUnreachableDestinationFailsAndSkipsWhatNeedsIt() throws Exception {
        SOURCE.createDatabase("unreachable");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> values = settings("unreachable");
        values.put("destination.host", "127.0.0.1");
        values.put("destination.port", String.valueOf(closedPort));

        PrecheckReport report = run(values);

        Finding destination = finding(report, "connectivity", "destination");
        assertThat(destination.failed()).isTrue();
        assertThat(destination.message()).contains("(Connection refused)");
        assertThat(destination.fix()).startsWith("Check destination.host, destination.port and destination.ssl.mode");
        assertThat(finding(report, "connectivity", "source").failed()).isFalse();
        assertThat(report.item("conflicting-tables").orElseThrow().status()).isEqualTo(Status.SKIPPED);
        assertThat(report.item("binlog").orElseThrow().status()).as("source-only items still run")
                .isEqualTo(Status.PASS);
        assertThat(finding(report, "selection", "tables").message())
                .isEqualTo("The patterns select no table in the source");
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void wrongCredentialsPointAtUserAndPassword() {
        SOURCE.createDatabase("credentials");
        Map<String, String> values = settings("credentials");
        values.put("source.password", "wrong");

        Finding source = finding(run(values), "connectivity", "source");

        assertThat(source.failed()).isTrue();
        assertThat(source.fix()).startsWith("Check source.user and source.password");
    }

    @Test
    void requiredTlsConnectsWithTls() {
        assumeTrue("YES".equalsIgnoreCase(SOURCE.variable("have_ssl")), "the source server has no TLS");
        SOURCE.createDatabase("tls");
        Map<String, String> values = settings("tls");
        values.put("source.ssl.mode", "required");

        Finding source = finding(run(values), "connectivity", "source");

        assertThat(source.message()).contains("ssl.mode=required", "with TLS (");
    }
}
