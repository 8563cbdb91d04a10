package io.ferry.sink.apply;

import io.ferry.common.Identifiers;
import io.ferry.common.TableId;
import io.ferry.sink.TableRouter;
import io.ferry.sink.table.DestinationColumn;
import io.ferry.sink.table.DestinationTable;
import io.ferry.sink.table.MissingSchemaException;
import io.ferry.sink.value.ColumnBindings;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * How rows of one row schema are written to one destination table: the columns, in field order, with their
 * bindings, and the SQL fragments built from them once.
 */
final class RowLayout {

    private final List<BoundColumn> columns;
    private final String columnList;
    private final String valuesTuple;

    private RowLayout(List<BoundColumn> columns) {
        this.columns = List.copyOf(columns);
        this.columnList = columns.stream().map(c -> Identifiers.quote(c.column().name()))
                .collect(Collectors.joining(", "));
        // no blanks: a multi-row INSERT repeats the tuple up to batch.max.rows times, and the driver scans and
        // copies every character of it for each statement
        this.valuesTuple = columns.stream().map(c -> c.binding().placeholder())
                .collect(Collectors.joining(",", "(", ")"));
    }

    /**
     * Maps every field of the row schema through the router to a destination column. A field without a
     * destination column fails: dropping it silently would lose data the user did not choose to drop.
     */
    static RowLayout of(TableRouter router, TableId source, Schema rowSchema, DestinationTable table) {
        List<BoundColumn> columns = new ArrayList<>();
        for (Field field : rowSchema.fields()) {
            String name = router.column(source, field.name());
            if (name == null) {
                continue;
            }
            DestinationColumn column = table.columnOfField(name);
            if (column == null) {
                throw new MissingSchemaException("Destination table " + table.id() + " has no column " + name
                        + " for field " + field.name() + " of " + source + ": add the column, map the field with"
                        + " mapping.rules, or leave it out with column.exclude");
            }
            if (column.generated()) {
                continue; // the destination computes it from the other columns
            }
            columns.add(new BoundColumn(field.name(), column, ColumnBindings.forSchema(field.schema())));
        }
        if (columns.isEmpty()) {
            throw new DataException("No field of " + source + " maps to a column of " + table.id());
        }
        return new RowLayout(columns);
    }

    List<BoundColumn> columns() {
        return columns;
    }

    /** The bound columns of these fields (the event's key), in the order given. */
    List<BoundColumn> columnsOf(List<String> fields) {
        List<BoundColumn> selected = new ArrayList<>(fields.size());
        for (String field : fields) {
            BoundColumn column = columns.stream().filter(c -> c.field().equals(field)).findFirst()
                    .orElseThrow(() -> new DataException("Key field " + field + " is not a written column"));
            selected.add(column);
        }
        return selected;
    }

    String columnList() {
        return columnList;
    }

    String valuesTuple() {
        return valuesTuple;
    }

    int bindRow(PreparedStatement statement, int index, Struct row) throws SQLException {
        int next = index;
        for (BoundColumn column : columns) {
            next = column.binding().bind(statement, next, row.getWithoutDefault(column.field()));
        }
        return next;
    }

    static int bind(List<BoundColumn> columns, PreparedStatement statement, int index, Struct row)
            throws SQLException {
        int next = index;
        for (BoundColumn column : columns) {
            next = column.binding().bind(statement, next, row.getWithoutDefault(column.field()));
        }
        return next;
    }
}
