package io.ferry.sink.apply;

import io.ferry.sink.event.Operation;
import io.ferry.sink.event.RowChange;
import io.ferry.sink.table.DestinationTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Writes changes of a table without a key, in order: a row is matched on all its columns (null-safe), an
 * update or delete removes one matching row ({@code LIMIT 1}, since identical rows are interchangeable), and
 * consecutive inserts go in multi-row statements. Reads are inserted whatever the conflict policy: without a
 * key there is no "same row" to keep or overwrite.
 */
final class UnkeyedWriter {

    private final Connection connection;
    private final DestinationTable table;
    private final Function<Schema, RowLayout> layouts;
    private final int maxRows;
    private final List<Struct> pendingInserts = new ArrayList<>();

    UnkeyedWriter(Connection connection, DestinationTable table, Function<Schema, RowLayout> layouts, int maxRows) {
        this.connection = connection;
        this.table = table;
        this.layouts = layouts;
        this.maxRows = maxRows;
    }

    long write(TableChanges changes) throws SQLException {
        long written = 0;
        for (RowChange change : changes.unkeyedChanges()) {
            if (change.op() == Operation.UPDATE || change.op() == Operation.DELETE) {
                flushInserts();
                deleteOne(change.before());
            }
            if (change.after() != null) {
                if (!pendingInserts.isEmpty() && !pendingInserts.get(0).schema().equals(change.after().schema())
                        || pendingInserts.size() >= maxRows) {
                    flushInserts();
                }
                pendingInserts.add(change.after());
            }
            written++;
        }
        flushInserts();
        return written;
    }

    private void deleteOne(Struct before) throws SQLException {
        List<BoundColumn> columns = layouts.apply(before.schema()).columns();
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + Statements.table(table.id())
                + " WHERE " + Statements.rowMatch(columns) + " LIMIT 1")) {
            RowLayout.bind(columns, statement, 1, before);
            statement.executeUpdate();
        }
    }

    private void flushInserts() throws SQLException {
        if (pendingInserts.isEmpty()) {
            return;
        }
        RowLayout layout = layouts.apply(pendingInserts.get(0).schema());
        try (PreparedStatement statement = connection.prepareStatement(Statements.insert(table.id(), layout,
                pendingInserts.size()))) {
            int index = 1;
            for (Struct row : pendingInserts) {
                index = layout.bindRow(statement, index, row);
            }
            statement.executeUpdate();
        }
        pendingInserts.clear();
    }
}
