package io.ferry.migrator.precheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.common.server.Finding;
import io.ferry.migrator.precheck.ItemResult.Status;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a precheck: one {@link ItemResult} per item, rendered as an aligned table for people or as
 * JSON for programs. The JSON fields (stable, documented in the README):
 * <pre>
 * {"status": "pass|warning|failure", "failures": n, "warnings": n,
 *  "items": [{"name", "title", "status": "pass|warning|failure|skipped", "skipReason"?,
 *             "findings": [{"status": "pass|warning|failure", "subject", "message", "fix"?}]}]}
 * </pre>
 */
public final class PrecheckReport {

    /** Exit code when nothing failed (warnings allowed). */
    public static final int EXIT_OK = 0;
    /** Exit code when at least one finding is a failure. */
    public static final int EXIT_FAILURES = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<ItemResult> items;

    public PrecheckReport(List<ItemResult> items) {
        this.items = List.copyOf(items);
    }

    public List<ItemResult> items() {
        return items;
    }

    /** The item of that name, if it ran or was skipped. */
    public java.util.Optional<ItemResult> item(String name) {
        return items.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** Failure if any finding failed or an item was skipped (nothing was proven), else warning or pass. */
    public Status status() {
        Status overall = Status.PASS;
        for (ItemResult item : items) {
            Status status = item.status();
            if (status == Status.FAILURE || status == Status.SKIPPED) {
                return Status.FAILURE;
            }
            if (status == Status.WARNING) {
                overall = Status.WARNING;
            }
        }
        return overall;
    }

    public int exitCode() {
        return status() == Status.FAILURE ? EXIT_FAILURES : EXIT_OK;
    }

    public long count(Finding.Severity severity) {
        return items.stream().flatMap(i -> i.findings().stream()).filter(f -> f.severity() == severity).count();
    }

    /** An aligned text table: one line per finding, the fix on the next line, then a summary line. */
    public String toTable() {
        List<String[]> rows = new ArrayList<>();
        for (ItemResult item : items) {
            if (item.status() == Status.SKIPPED) {
                rows.add(new String[] {item.name(), "SKIPPED", "", "not checked: " + item.skipReason()});
            }
            for (Finding finding : item.findings()) {
                rows.add(new String[] {item.name(), label(finding.severity()), finding.subject(), finding.message()});
                if (!finding.fix().isEmpty()) {
                    rows.add(new String[] {"", "", "", "fix: " + finding.fix()});
                }
            }
        }
        String[] header = {"ITEM", "STATUS", "SUBJECT", "DETAIL"};
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], Math.max(row[i].length(), header[i].length()));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        rows.forEach(row -> line(out, row, widths));
        out.append('\n').append("Precheck ").append(status().label()).append(": ")
                .append(count(Finding.Severity.FAILURE)).append(" failure(s), ")
                .append(count(Finding.Severity.WARNING)).append(" warning(s), ")
                .append(count(Finding.Severity.PASS)).append(" passed\n");
        return out.toString();
    }

    /** The report as JSON (field names above). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", status().label());
        root.put("failures", count(Finding.Severity.FAILURE));
        root.put("warnings", count(Finding.Severity.WARNING));
        ArrayNode itemNodes = root.putArray("items");
        for (ItemResult item : items) {
            ObjectNode node = itemNodes.addObject();
            node.put("name", item.name());
            node.put("title", item.title());
            node.put("status", item.status().label());
            if (!item.skipReason().isEmpty()) {
                node.put("skipReason", item.skipReason());
            }
            ArrayNode findings = node.putArray("findings");
            for (Finding finding : item.findings()) {
                ObjectNode f = findings.addObject();
                f.put("status", finding.severity().name().toLowerCase(Locale.ROOT));
                f.put("subject", finding.subject());
                f.put("message", finding.message());
                if (!finding.fix().isEmpty()) {
                    f.put("fix", finding.fix());
                }
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String label(Finding.Severity severity) {
        // Problems in capitals, so they stand out in a long table.
        return severity == Finding.Severity.PASS ? "pass" : severity.name();
    }

    private static void line(StringBuilder out, String[] row, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            text.append(String.format("%-" + widths[i] + "s", row[i])).append("  ");
        }
        text.append(row[3].replaceAll("\\s*\\R\\s*", " ")); // one line per row, whatever the server said
        out.append(text.toString().stripTrailing()).append('\n');
    }
}
