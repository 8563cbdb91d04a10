package io.ferry.migrator.schema;

import io.ferry.common.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A table's {@code SHOW CREATE TABLE} output, split the way servers print it: the {@code CREATE TABLE `t` (} line,
 * one line per column, index or constraint, and the closing {@code ) ENGINE=...} options with any partitioning.
 * MySQL and MariaDB both print one element per line (newlines inside comments and defaults are escaped), which
 * lets foreign keys and excluded columns be taken out without a full parser. Immutable.
 */
final class CreateTableText {

    private final TableId table;
    private final String header;
    private final List<String> elements;
    private final String trailer;

    private CreateTableText(TableId table, String header, List<String> elements, String trailer) {
        this.table = table;
        this.header = header;
        this.elements = List.copyOf(elements);
        this.trailer = trailer;
    }

    /** Splits the output of {@code SHOW CREATE TABLE} for {@code table}; throws if it does not look like one. */
    static CreateTableText parse(TableId table, String showCreate) {
        List<String> lines = showCreate.lines().toList();
        if (lines.size() < 2 || !lines.get(0).stripTrailing().endsWith("(")) {
            throw new IllegalArgumentException("Unexpected SHOW CREATE TABLE output for " + table + ": " + showCreate);
        }
        List<String> elements = new ArrayList<>();
        int i = 1;
        while (i < lines.size() && !lines.get(i).startsWith(")")) {
            String element = lines.get(i).strip();
            elements.add(element.endsWith(",") ? element.substring(0, element.length() - 1) : element);
            i++;
        }
        if (i == lines.size()) {
            throw new IllegalArgumentException("No closing parenthesis in SHOW CREATE TABLE output for " + table);
        }
        return new CreateTableText(table, lines.get(0), elements,
                String.join("\n", lines.subList(i, lines.size())));
    }

    TableId table() {
        return table;
    }

    /** The column names, in order. */
    List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (String element : elements) {
            if (isColumn(element)) {
                names.add(QuotedNames.in(element).get(0));
            }
        }
        return names;
    }

    List<ForeignKey> foreignKeys() {
        return elements.stream().filter(ForeignKey::isForeignKey).map(e -> ForeignKey.parse(table, e)).toList();
    }

    /** The same table without its foreign keys (they are added in post-data). */
    CreateTableText withoutForeignKeys() {
        return new CreateTableText(table, header,
                elements.stream().filter(e -> !ForeignKey.isForeignKey(e)).toList(), trailer);
    }

    /**
     * The same table without the named columns (compared case-insensitively). Throws
     * {@link ExcludedColumnInUseException} when another element still needs one of them: an index, the primary
     * key, a generated column, a CHECK or foreign key constraint, or the partitioning expression.
     */
    CreateTableText withoutColumns(Set<String> excluded) {
        if (excluded.isEmpty()) {
            return this;
        }
        Set<String> lower = new java.util.HashSet<>();
        excluded.forEach(c -> lower.add(c.toLowerCase(Locale.ROOT)));
        List<String> kept = new ArrayList<>();
        for (String element : elements) {
            if (isColumn(element) && lower.contains(QuotedNames.in(element).get(0).toLowerCase(Locale.ROOT))) {
                continue;
            }
            kept.add(element);
        }
        for (String element : kept) {
            for (String used : referencedColumns(element)) {
                if (lower.contains(used.toLowerCase(Locale.ROOT))) {
                    throw new ExcludedColumnInUseException(table, used, element);
                }
            }
        }
        for (String used : partitionColumns()) {
            if (lower.contains(used.toLowerCase(Locale.ROOT))) {
                throw new ExcludedColumnInUseException(table, used, "the partitioning expression");
            }
        }
        return new CreateTableText(table, header, kept, trailer);
    }

    /** The statement, as the server printed it except for what was taken out. */
    String text() {
        return header + "\n  " + String.join(",\n  ", elements) + "\n" + trailer;
    }

    private static boolean isColumn(String element) {
        return element.startsWith("`");
    }

    /**
     * Columns an element uses: for a column, the names after its own (generated expression, inline CHECK); for
     * an index or CHECK constraint, the names inside its parentheses (not the index name); for a foreign key,
     * its own columns only (the referenced ones belong to the parent table).
     */
    private static List<String> referencedColumns(String element) {
        if (isColumn(element)) {
            List<String> names = QuotedNames.in(element);
            return names.subList(1, names.size());
        }
        if (ForeignKey.isForeignKey(element)) {
            String upper = element.toUpperCase(Locale.ROOT);
            int foreign = upper.indexOf("FOREIGN KEY");
            return QuotedNames.in(element.substring(foreign, upper.indexOf("REFERENCES", foreign)));
        }
        int paren = element.indexOf('(');
        return paren < 0 ? List.of() : QuotedNames.in(element.substring(paren));
    }

    /** Names on the PARTITION BY and SUBPARTITION BY lines (partition names are on the lines that follow). */
    private List<String> partitionColumns() {
        List<String> names = new ArrayList<>();
        for (String line : trailer.lines().toList()) {
            String upper = line.toUpperCase(Locale.ROOT);
            int by = Math.max(upper.indexOf("PARTITION BY"), upper.indexOf("SUBPARTITION BY"));
            if (by >= 0) {
                names.addAll(QuotedNames.in(line.substring(by)));
            }
        }
        return names;
    }
}
