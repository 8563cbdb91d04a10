package io.ferry.migrator.validate;

import io.ferry.common.server.ServerFlavor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a keyed table chunk by chunk: the source's key order cuts chunks of {@code chunkRows} rows (keyset
 * pagination), both servers checksum the same key range, and a mismatched chunk is compared row by row.
 */
final class KeyedTableValidator {

    private final ComparedTable table;
    private final Connection source;
    private final Connection destination;
    private final TableQueries sourceQueries;
    private final TableQueries destinationQueries;
    private final int chunkRows;

    KeyedTableValidator(ComparedTable table, Connection source, ServerFlavor sourceFlavor, Connection destination,
                        ServerFlavor destinationFlavor, int chunkRows) {
        if (table.keyless()) {
            throw new IllegalArgumentException(table.source() + " has no key to chunk by");
        }
        this.table = table;
        this.source = source;
        this.destination = destination;
        this.sourceQueries = new TableQueries(table, Side.SOURCE, sourceFlavor);
        this.destinationQueries = new TableQueries(table, Side.DESTINATION, destinationFlavor);
        this.chunkRows = chunkRows;
    }

    void compare(DifferenceTally tally) throws SQLException {
        ChunkRange range = new ChunkRange(null, upperBoundAfter(null));
        while (true) {
            compareChunk(range, tally);
            if (range.last()) {
                return;
            }
            range = range.next(upperBoundAfter(range.upper()));
        }
    }

    /** The upper bound of the chunk that starts after {@code lower}; null when it reaches the end of the table. */
    private List<String> upperBoundAfter(List<String> lower) throws SQLException {
        BoundSql query = sourceQueries.nextUpperBound(lower, chunkRows);
        try (PreparedStatement statement = query.prepare(source); ResultSet rs = statement.executeQuery()) {
            return rs.next() ? keyTexts(rs) : null;
        }
    }

    private void compareChunk(ChunkRange range, DifferenceTally tally) throws SQLException {
        ChunkChecksum expected = ChunkChecksum.compute(source, sourceQueries.checksum(range));
        ChunkChecksum actual = ChunkChecksum.compute(destination, destinationQueries.checksum(range));
        tally.chunks++;
        tally.sourceRows += expected.rows();
        tally.destinationRows += actual.rows();
        if (!expected.equals(actual)) {
            tally.mismatchedChunks++;
            drillDown(range, tally);
        }
    }

    /** Lists the chunk's differing keys from each side's key and row hash. */
    private void drillDown(ChunkRange range, DifferenceTally tally) throws SQLException {
        Map<List<String>, String> expected = hashesByKey(source, sourceQueries.rowHashes(range));
        Map<List<String>, String> actual = hashesByKey(destination, destinationQueries.rowHashes(range));
        for (Map.Entry<List<String>, String> row : expected.entrySet()) {
            String other = actual.remove(row.getKey());
            if (other == null) {
                tally.add(Difference.Kind.MISSING, named(row.getKey()), 1);
            } else if (!other.equals(row.getValue())) {
                tally.add(Difference.Kind.DIFFERENT, named(row.getKey()), 1);
            }
        }
        for (List<String> key : actual.keySet()) {
            tally.add(Difference.Kind.EXTRA, named(key), 1);
        }
    }

    /**
     * Key texts to row hash, in the server's key order. Keys are matched by their canonical text, not by the
     * servers' collations, so a key that only differs in letter case shows as one missing and one extra row.
     */
    private Map<List<String>, String> hashesByKey(Connection connection, BoundSql query) throws SQLException {
        Map<List<String>, String> hashes = new LinkedHashMap<>();
        try (PreparedStatement statement = query.prepare(connection); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                hashes.put(keyTexts(rs), rs.getString(table.key().size() + 1));
            }
        }
        return hashes;
    }

    private List<String> keyTexts(ResultSet rs) throws SQLException {
        List<String> key = new ArrayList<>(table.key().size());
        for (int i = 1; i <= table.key().size(); i++) {
            key.add(rs.getString(i));
        }
        return key;
    }

    private Map<String, String> named(List<String> key) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < key.size(); i++) {
            named.put(table.key().get(i).sourceName(), key.get(i));
        }
        return named;
    }
}
