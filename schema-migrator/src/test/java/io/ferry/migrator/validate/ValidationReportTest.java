package io.ferry.migrator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.common.TableId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationReportTest {

    private static final TableResult SAME = new TableResult(new TableId("shop", "a"), new TableId("shop2", "a"),
            TableResult.KEYED, List.of("id"), 10, 10, 1, 0, 0, 0, 0, List.of(), List.of(), null);

    private static TableResult drifted() {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("region", "eu");
        key.put("id", "7");
        return new TableResult(new TableId("shop", "b"), new TableId("shop", "b"), TableResult.KEYED,
                List.of("region", "id"), 100, 101, 10, 2, 1, 2, 0,
                List.of(new Difference(Difference.Kind.MISSING, key, 1)), List.of("a note"), null);
    }

    @Test
    void identicalOnlyWhenEveryTableIs() {
        assertThat(new ValidationReport(List.of(SAME), List.of()).exitCode()).isZero();
        assertThat(new ValidationReport(List.of(SAME, drifted()), List.of()).exitCode()).isEqualTo(1);
        assertThat(new ValidationReport(List.of(), List.of()).identical()).as("nothing compared").isFalse();
        assertThat(new ValidationReport(List.of(SAME), List.of("boom")).identical()).isFalse();
        assertThat(new ValidationReport(List.of(TableResult.failed(SAME.source(), SAME.destination(), "gone")),
                List.of()).exitCode()).isEqualTo(1);
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new ValidationReport(List.of(SAME, drifted()), List.of())
                .toJson());

        assertThat(json.get("status").asText()).isEqualTo("different");
        assertThat(json.get("tablesCompared").asInt()).isEqualTo(2);
        assertThat(json.get("tablesDifferent").asInt()).isEqualTo(1);
        assertThat(json.get("errors")).isEmpty();
        JsonNode b = json.get("tables").get(1);
        assertThat(b.get("status").asText()).isEqualTo("different");
        assertThat(b.get("method").asText()).isEqualTo("chunked-by-key");
        assertThat(b.get("rowsCompared").asLong()).isEqualTo(100);
        assertThat(b.get("destinationRows").asLong()).isEqualTo(101);
        assertThat(b.get("mismatchedChunks").asLong()).isEqualTo(2);
        assertThat(b.get("extra").asLong()).isEqualTo(2);
        JsonNode difference = b.get("differences").get(0);
        assertThat(difference.get("kind").asText()).isEqualTo("missing");
        assertThat(difference.get("key").fieldNames()).toIterable().containsExactly("region", "id");
        assertThat(b.get("notes").get(0).asText()).isEqualTo("a note");
        assertThat(b.has("error")).isFalse();
        assertThat(json.get("tables").get(0).get("destination").asText()).isEqualTo("shop2.a");
    }

    @Test
    void theTableListsDifferencesUnderTheirTable() {
        String table = new ValidationReport(List.of(SAME, drifted()), List.of()).toTable();

        assertThat(table).startsWith("SOURCE").contains("    missing: region=eu, id=7\n",
                "    ... and 2 more difference(s)\n", "    note: a note\n",
                "Validation found differences: 1 of 2 table(s) identical");
    }
}
