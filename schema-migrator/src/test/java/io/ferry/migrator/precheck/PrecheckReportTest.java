package io.ferry.migrator.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.common.server.Finding;
import io.ferry.migrator.precheck.ItemResult.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrecheckReportTest {

    private static final ItemResult PASSING = new ItemResult("versions", "Versions",
            List.of(Finding.pass("version", "MariaDB 11.4.5 to MariaDB 11.4.5 is supported")), "");
    private static final ItemResult WARNING = new ItemResult("keyless-tables", "Keyless",
            List.of(Finding.pass("a", "ok"), Finding.warning("shop.log", "No key", "Add a primary key")), "");
    private static final ItemResult FAILING = new ItemResult("binlog", "Binlog",
            List.of(Finding.failure("binlog_format", "binlog_format is STATEMENT", "Set binlog_format=ROW")), "");

    @Test
    void theWorstItemDecidesStatusAndExitCode() {
        assertThat(new PrecheckReport(List.of(PASSING)).status()).isEqualTo(Status.PASS);
        assertThat(new PrecheckReport(List.of(PASSING, WARNING)).status()).isEqualTo(Status.WARNING);
        assertThat(new PrecheckReport(List.of(PASSING, WARNING)).exitCode()).isZero();
        assertThat(new PrecheckReport(List.of(FAILING, WARNING)).status()).isEqualTo(Status.FAILURE);
        assertThat(new PrecheckReport(List.of(FAILING, WARNING)).exitCode()).isEqualTo(1);
    }

    @Test
    void aSkippedItemProvesNothingSoTheReportFails() {
        ItemResult skipped = new ItemResult("charsets", "Charsets", List.of(), "a server it reads is unreachable");

        assertThat(skipped.status()).isEqualTo(Status.SKIPPED);
        assertThat(new PrecheckReport(List.of(PASSING, skipped)).exitCode()).isEqualTo(1);
    }

    @Test
    void theTableAlignsColumnsAndPutsTheFixUnderTheProblem() {
        String table = new PrecheckReport(List.of(PASSING, FAILING)).toTable();

        assertThat(table.lines().toList()).containsExactly(
                "ITEM      STATUS   SUBJECT        DETAIL",
                "versions  pass     version        MariaDB 11.4.5 to MariaDB 11.4.5 is supported",
                "binlog    FAILURE  binlog_format  binlog_format is STATEMENT",
                "                                  fix: Set binlog_format=ROW",
                "",
                "Precheck failure: 1 failure(s), 0 warning(s), 1 passed");
    }

    @Test
    void aMultiLineServerMessageStaysOnOneTableRow() {
        ItemResult item = new ItemResult("connectivity", "Connectivity", List.of(Finding.failure("destination",
                "Communications link failure\n\nThe last packet", "Check destination.host")), "");

        assertThat(new PrecheckReport(List.of(item)).toTable().lines()).contains(
                "connectivity  FAILURE  destination  Communications link failure The last packet");
    }

    @Test
    void aConnectionErrorKeepsItsRootCause() {
        Exception e = new java.sql.SQLException("Communications link failure\n\nThe last packet sent...",
                "08S01", new RuntimeException(new java.net.ConnectException("Connection refused")));

        assertThat(Precheck.reason(e)).isEqualTo("Communications link failure (Connection refused)");
    }

    @Test
    void theJsonHasTheDocumentedFields() throws Exception {
        ItemResult skipped = new ItemResult("charsets", "Charsets", List.of(), "unreachable");
        JsonNode json = new ObjectMapper().readTree(new PrecheckReport(List.of(WARNING, skipped)).toJson());

        assertThat(json.get("status").asText()).isEqualTo("failure");
        assertThat(json.get("failures").asInt()).isZero();
        assertThat(json.get("warnings").asInt()).isEqualTo(1);
        JsonNode keyless = json.get("items").get(0);
        assertThat(keyless.get("name").asText()).isEqualTo("keyless-tables");
        assertThat(keyless.get("status").asText()).isEqualTo("warning");
        assertThat(keyless.has("skipReason")).isFalse();
        assertThat(keyless.get("findings").get(0).has("fix")).as("a pass has no fix").isFalse();
        JsonNode warning = keyless.get("findings").get(1);
        assertThat(warning.get("status").asText()).isEqualTo("warning");
        assertThat(warning.get("subject").asText()).isEqualTo("shop.log");
        assertThat(warning.get("message").asText()).isEqualTo("No key");
        assertThat(warning.get("fix").asText()).isEqualTo("Add a primary key");
        assertThat(json.get("items").get(1).get("status").asText()).isEqualTo("skipped");
        assertThat(json.get("items").get(1).get("skipReason").asText()).isEqualTo("unreachable");
    }
}
