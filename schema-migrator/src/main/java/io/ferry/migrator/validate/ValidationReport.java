package io.ferry.migrator.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a validation: one {@link TableResult} per selected table, plus errors that stopped it
 * altogether. Rendered as an aligned table for people or as JSON for programs; the JSON fields (stable,
 * documented in {@code docs/validation.md}):
 * <pre>
 * {"status": "identical|different", "identical": bool, "tablesCompared": n, "tablesDifferent": n,
 *  "errors": ["..."],
 *  "tables": [{"source": "db.t", "destination": "db2.t2", "status": "identical|different|error",
 *              "method": "chunked-by-key|keyless-multiset", "key": ["id"], "rowsCompared": n,
 *              "destinationRows": n, "chunks": n, "mismatchedChunks": n, "missing": n, "extra": n,
 *              "different": n, "differences": [{"kind": "missing|extra|different", "key": {"id": "5"},
 *              "rows": n}], "notes": ["..."], "error"?: "..."}]}
 * </pre>
 */
public final class ValidationReport {

    public static final int EXIT_IDENTICAL = 0;
    public static final int EXIT_DIFFERENT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<TableResult> tables;
    private final List<String> errors;

    public ValidationReport(List<TableResult> tables, List<String> errors) {
        this.tables = List.copyOf(tables);
        this.errors = List.copyOf(errors);
    }

    /** A validation that could not compare anything (e.g. a server is unreachable). */
    public static ValidationReport failed(String error) {
        return new ValidationReport(List.of(), List.of(error));
    }

    public List<TableResult> tables() {
        return tables;
    }

    public List<String> errors() {
        return errors;
    }

    /** The result of a source table ({@code db.table}), if it was selected. */
    public Optional<TableResult> table(String source) {
        return tables.stream().filter(t -> t.source().toString().equals(source)).findFirst();
    }

    /** True only when something was compared, nothing failed, and every table is identical. */
    public boolean identical() {
        return errors.isEmpty() && !tables.isEmpty() && tables.stream().allMatch(TableResult::identical);
    }

    /** 0 when {@link #identical()}, else 1. */
    public int exitCode() {
        return identical() ? EXIT_IDENTICAL : EXIT_DIFFERENT;
    }

    private long differentTables() {
        return tables.stream().filter(t -> !t.identical()).count();
    }

    /** An aligned table: one line per table, its listed differences and notes under it, then a summary line. */
    public String toTable() {
        List<String[]> rows = new ArrayList<>();
        for (TableResult t : tables) {
            rows.add(new String[] {t.source().toString(), t.destination().toString(), t.status(),
                String.valueOf(t.sourceRows()), String.valueOf(t.destinationRows()), String.valueOf(t.chunks()),
                String.valueOf(t.mismatchedChunks()), String.valueOf(t.missing()), String.valueOf(t.extra()),
                String.valueOf(t.different())});
        }
        String[] header = {"SOURCE", "DESTINATION", "STATUS", "ROWS", "DEST_ROWS", "CHUNKS", "MISMATCHED",
            "MISSING", "EXTRA", "DIFFERENT"};
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        for (int r = 0; r < rows.size(); r++) {
            line(out, rows.get(r), widths);
            TableResult t = tables.get(r);
            if (t.error() != null) {
                out.append("    error: ").append(oneLine(t.error())).append('\n');
            }
            for (Difference d : t.differences()) {
                out.append("    ").append(d.kind().label()).append(": ").append(d.keyText())
                        .append(d.rows() > 1 ? " (" + d.rows() + " rows)" : "").append('\n');
            }
            long unlisted = t.missing() + t.extra() + t.different()
                    - t.differences().stream().mapToLong(Difference::rows).sum();
            if (unlisted > 0) {
                out.append("    ... and ").append(unlisted).append(" more difference(s)\n");
            }
            t.notes().forEach(note -> out.append("    note: ").append(note).append('\n'));
        }
        errors.forEach(e -> out.append("error: ").append(oneLine(e)).append('\n'));
        out.append('\n').append("Validation ").append(identical() ? "identical" : "found differences").append(": ")
                .append(tables.size() - differentTables()).append(" of ").append(tables.size())
                .append(" table(s) identical\n");
        return out.toString();
    }

    /** The report as JSON (fields above). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", identical() ? "identical" : "different");
        root.put("identical", identical());
        root.put("tablesCompared", tables.size());
        root.put("tablesDifferent", differentTables());
        errors.forEach(root.putArray("errors")::add);
        ArrayNode tableNodes = root.putArray("tables");
        for (TableResult t : tables) {
            ObjectNode node = tableNodes.addObject();
            node.put("source", t.source().toString());
            node.put("destination", t.destination().toString());
            node.put("status", t.status());
            node.put("method", t.method());
            t.key().forEach(node.putArray("key")::add);
            node.put("rowsCompared", t.sourceRows());
            node.put("destinationRows", t.destinationRows());
            node.put("chunks", t.chunks());
            node.put("mismatchedChunks", t.mismatchedChunks());
            node.put("missing", t.missing());
            node.put("extra", t.extra());
            node.put("different", t.different());
            ArrayNode differences = node.putArray("differences");
            for (Difference d : t.differences()) {
                ObjectNode difference = differences.addObject();
                difference.put("kind", d.kind().label());
                ObjectNode key = difference.putObject("key");
                d.key().forEach(key::put);
                difference.put("rows", d.rows());
            }
            t.notes().forEach(node.putArray("notes")::add);
            if (t.error() != null) {
                node.put("error", t.error());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    private static void line(StringBuilder out, String[] row, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            text.append(String.format("%-" + widths[i] + "s", row[i])).append("  ");
        }
        out.append(text.toString().stripTrailing()).append('\n');
    }
}
