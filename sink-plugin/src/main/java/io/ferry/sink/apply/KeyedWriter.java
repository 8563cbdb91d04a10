package io.ferry.sink.apply;

import io.ferry.sink.ConflictPolicy;
import io.ferry.sink.apply.TableChanges.KeyState;
import io.ferry.sink.table.DestinationTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Writes the collapsed changes of one keyed table: deletes by key first (deleted keys, keys deleted earlier in
 * the batch, and keys to overwrite), then multi-row inserts. An insert that hits a duplicate falls back to
 * row-by-row: a duplicate of the event's own key is decided by the conflict policy; a duplicate on another
 * unique key is a transient conflict with a row whose newer image is still to come, so that row is displaced
 * (see {@link DisplacedRows}) rather than overwritten or failed.
 */
final class KeyedWriter {

    private final Connection connection;
    private final DestinationTable table;
    private final Function<Schema, RowLayout> layouts;
    private final DisplacedRows displaced;
    private final int maxRows;

    KeyedWriter(Connection connection, DestinationTable table, Function<Schema, RowLayout> layouts,
            DisplacedRows displaced, int maxRows) {
        this.connection = connection;
        this.table = table;
        this.layouts = layouts;
        this.displaced = displaced;
        this.maxRows = maxRows;
    }

    /** Applies the changes; returns the number of rows written or deleted. */
    long write(TableChanges changes) throws SQLException {
        List<KeyState> deletes = new ArrayList<>();
        List<KeyState> inserts = new ArrayList<>();
        for (KeyState state : changes.keyStates()) {
            if (state.image() == null || state.deleteFirst() || state.policy() == ConflictPolicy.OVERWRITE) {
                deletes.add(state);
            }
            if (state.image() != null) {
                inserts.add(state);
            }
        }
        String target = Statements.table(table.id());
        for (List<KeyState> group : byLayout(deletes, KeyState::keyRow)) {
            deleteByKey(target, group);
        }
        if (displaced.tracks(table)) {
            // before the inserts: rows they displace must stay displaced even if their key is in this batch
            for (List<KeyState> group : byLayout(new ArrayList<>(changes.keyStates()), KeyState::keyRow)) {
                displaced.forget(connection, table, keyColumns(group), group);
            }
        }
        for (List<KeyState> group : byLayout(inserts, KeyState::image)) {
            insert(group);
        }
        return deletes.size() + inserts.size();
    }

    private void deleteByKey(String target, List<KeyState> states) throws SQLException {
        List<BoundColumn> key = keyColumns(states);
        for (int from = 0; from < states.size(); from += maxRows) {
            List<KeyState> chunk = states.subList(from, Math.min(states.size(), from + maxRows));
            try (PreparedStatement statement = connection.prepareStatement(
                    "DELETE FROM " + target + " WHERE " + Statements.keyMatch(key, chunk.size()))) {
                int index = 1;
                for (KeyState state : chunk) {
                    index = RowLayout.bind(key, statement, index, state.keyRow());
                }
                statement.executeUpdate();
            }
        }
    }

    /** Multi-row inserts of up to maxRows rows; the full-size statement is prepared once and reused. */
    private void insert(List<KeyState> states) throws SQLException {
        RowLayout layout = layouts.apply(states.get(0).image().schema());
        int full = states.size() / maxRows * maxRows;
        if (full > 0) {
            try (PreparedStatement statement = connection.prepareStatement(Statements.insert(table.id(), layout,
                    maxRows))) {
                for (int from = 0; from < full; from += maxRows) {
                    insertChunk(statement, layout, states.subList(from, from + maxRows));
                }
            }
        }
        if (full < states.size()) {
            try (PreparedStatement statement = connection.prepareStatement(Statements.insert(table.id(), layout,
                    states.size() - full))) {
                insertChunk(statement, layout, states.subList(full, states.size()));
            }
        }
    }

    /** One multi-row insert; every parameter of the statement is bound anew. */
    private void insertChunk(PreparedStatement statement, RowLayout layout, List<KeyState> chunk)
            throws SQLException {
        try {
            int index = 1;
            for (KeyState state : chunk) {
                index = layout.bindRow(statement, index, state.image());
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            if (DuplicateKey.indexName(e) == null) {
                throw e;
            }
            for (KeyState state : chunk) { // the failed statement changed nothing: retry its rows one by one
                insertOne(layout, state);
            }
        }
    }

    private void insertOne(RowLayout layout, KeyState state) throws SQLException {
        List<BoundColumn> key = layout.columnsOf(state.change().keyFields());
        for (int attempt = 0; attempt <= table.uniqueKeys().size() + 1; attempt++) {
            try (PreparedStatement statement = connection.prepareStatement(Statements.insert(table.id(), layout, 1))) {
                layout.bindRow(statement, 1, state.image());
                statement.executeUpdate();
                return;
            } catch (SQLException e) {
                String index = DuplicateKey.indexName(e);
                List<String> violated = index == null ? null : table.uniqueKey(index);
                if (violated == null) {
                    throw e;
                }
                if (Statements.sameColumns(violated, key)) {
                    if (!ownKeyConflict(state, key)) {
                        return; // keep-destination: the existing row wins
                    }
                } else {
                    displaced.displace(connection, table, Statements.columnsNamed(layout, violated), state.image());
                }
            }
        }
        throw new SQLException("Row " + state.change().coordinates() + " still conflicts after displacing the rows"
                + " that held its unique values in " + table.id());
    }

    /** Decides a conflict on the event's own key; true if the insert should be retried. */
    private boolean ownKeyConflict(KeyState state, List<BoundColumn> key) throws SQLException {
        switch (state.policy()) {
            case KEEP_DESTINATION:
                return false;
            case FAIL:
                throw new PolicyConflictException("Destination table " + table.id() + " already has the row with key "
                        + state.change().keyAfter() + " of change " + state.change().coordinates() + " (conflict"
                        + " policy fail for op=" + state.change().op().code() + ")");
            default: // overwrite: a key equal only by collation ('a' vs 'A') escaped the delete by value
                try (PreparedStatement statement = connection.prepareStatement("DELETE FROM "
                        + Statements.table(table.id()) + " WHERE " + Statements.keyMatch(key, 1))) {
                    RowLayout.bind(key, statement, 1, state.image());
                    statement.executeUpdate();
                }
                return true;
        }
    }

    private List<BoundColumn> keyColumns(List<KeyState> states) {
        KeyState first = states.get(0);
        return layouts.apply(first.keyRow().schema()).columnsOf(first.change().keyFields());
    }

    /** Groups states by the schema of the chosen row (statements need one column list). */
    private static List<List<KeyState>> byLayout(List<KeyState> states, Function<KeyState, Struct> row) {
        Map<Schema, List<KeyState>> groups = new LinkedHashMap<>();
        for (KeyState state : states) {
            groups.computeIfAbsent(row.apply(state).schema(), s -> new ArrayList<>()).add(state);
        }
        return new ArrayList<>(groups.values());
    }
}
