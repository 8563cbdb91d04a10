package io.ferry.sink.apply;

import io.ferry.common.Identifiers;
import io.ferry.common.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.apache.kafka.connect.errors.DataException;

/** SQL text of the writer's statements; values are always bound, never inlined. */
final class Statements {

    private Statements() {
    }

    static String table(TableId id) {
        return Identifiers.quote(id.database()) + "." + Identifiers.quote(id.table());
    }

    static String insert(TableId id, RowLayout layout, int rows) {
        String tuple = layout.valuesTuple();
        StringBuilder sql = new StringBuilder(64 + layout.columnList().length() + rows * (tuple.length() + 1))
                .append("INSERT INTO ").append(table(id)).append(" (").append(layout.columnList()).append(") VALUES ");
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sql.append(',');
            }
            sql.append(tuple);
        }
        return sql.toString();
    }

    /** {@code k IN (?, ?)} for a one-column key, {@code (k1 = ? AND k2 = ?) OR (...)} for a composite one. */
    static String keyMatch(List<BoundColumn> key, int rows) {
        if (key.size() == 1) {
            BoundColumn column = key.get(0);
            StringJoiner values = new StringJoiner(", ", Identifiers.quote(column.column().name()) + " IN (", ")");
            for (int i = 0; i < rows; i++) {
                values.add(column.comparable());
            }
            return values.toString();
        }
        String one = key.stream().map(c -> Identifiers.quote(c.column().name()) + " = " + c.comparable())
                .collect(Collectors.joining(" AND ", "(", ")"));
        StringJoiner all = new StringJoiner(" OR ");
        for (int i = 0; i < rows; i++) {
            all.add(one);
        }
        return all.toString();
    }

    /** Null-safe equality on every given column: matches a row by its full image or by a unique key's values. */
    static String rowMatch(List<BoundColumn> columns) {
        return columns.stream().map(c -> Identifiers.quote(c.column().name()) + " <=> " + c.comparable())
                .collect(Collectors.joining(" AND "));
    }

    /** True if the index columns are exactly these columns, in any order (MySQL names ignore case). */
    static boolean sameColumns(List<String> names, List<BoundColumn> columns) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet())
                .equals(columns.stream().map(c -> c.column().name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet()));
    }

    /** The layout's columns with these destination names, in that order. */
    static List<BoundColumn> columnsNamed(RowLayout layout, List<String> names) {
        List<BoundColumn> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(layout.columns().stream()
                    .filter(c -> c.column().name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> new DataException("Unique key column " + name
                            + " is not written by the change events, so a conflict on it cannot be resolved")));
        }
        return selected;
    }
}
