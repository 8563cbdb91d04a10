package io.ferry.source.snapshot;

import io.ferry.source.schema.KeyKind;
import io.ferry.source.schema.TableDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Walks a stripe of a table in chunks of about {@code chunkSize} rows, lazily: each chunk's end is the key
 * {@code chunkSize} rows past its start, found by one indexed probe
 * {@code SELECT k FROM t WHERE k >= start AND k < stripeEnd ORDER BY k LIMIT 1 OFFSET chunkSize}, which
 * reads {@code chunkSize} index entries from the start key and sorts nothing. When the probe finds no row,
 * the last chunk runs to the stripe's end, so keys inserted beyond the current maximum still fall into a
 * chunk. Boundaries are keys the server returned, so they agree with the server's order by construction.
 *
 * <p>A table without a usable key ({@link KeyKind#NONE}) is one chunk, {@link ChunkRange#ALL}. An empty
 * stripe is one (empty) chunk, so every stripe yields at least one chunk with its watermarks.
 */
public final class ChunkSplitter implements AutoCloseable {

    private final Connection connection;
    private final KeySql sql;
    private final ChunkRange stripe;
    private final int chunkSize;
    private List<Object> cursor;
    private boolean done;
    private PreparedStatement lowerBounded;
    private PreparedStatement unbounded;

    /**
     * @param stripe     the range to walk; to resume, pass the stripe with its start moved to the end of the
     *                   last completed chunk ({@link ChunkRange#withStart})
     * @param chunkSize  rows per chunk, at least 1
     */
    public ChunkSplitter(Connection connection, TableDef table, List<KeyColumnCodec> codecs, ChunkRange stripe,
                         int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("Chunk size must be at least 1, got " + chunkSize);
        }
        if (table.keyKind() == KeyKind.NONE && !stripe.equals(ChunkRange.ALL)) {
            throw new IllegalArgumentException(table.id() + " has no key: it can only be read whole, not "
                    + stripe);
        }
        this.connection = connection;
        this.sql = table.keyKind() == KeyKind.NONE ? null : new KeySql(table, codecs);
        this.stripe = stripe;
        this.chunkSize = chunkSize;
        this.cursor = stripe.start();
    }

    /** True until the chunk reaching the stripe's end has been returned. */
    public boolean hasNext() {
        return !done;
    }

    /** The next chunk in key order, or empty after the last one. */
    public Optional<ChunkRange> next() throws SQLException {
        if (done) {
            return Optional.empty();
        }
        if (sql == null) {
            done = true;
            return Optional.of(ChunkRange.ALL);
        }
        ChunkRange rest = ChunkRange.of(cursor, stripe.end());
        List<Object> end = probe(rest);
        if (end == null) {
            done = true;
            return Optional.of(rest);
        }
        ChunkRange chunk = ChunkRange.of(cursor, end);
        cursor = end;
        return Optional.of(chunk);
    }

    /** The key {@code chunkSize} rows into {@code rest}, or null if {@code rest} has no more rows. */
    private List<Object> probe(ChunkRange rest) throws SQLException {
        if (lowerBounded == null && unbounded == null) {
            DriverSettings.requireExactKeys(connection, sql.table());
        }
        PreparedStatement statement = statementFor(rest);
        int next = sql.bind(statement, 1, rest);
        statement.setLong(next, chunkSize);
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? sql.readKey(rs, 1) : null;
        }
    }

    /** The probe's text depends only on which bounds are present; the two shapes are prepared once each. */
    private PreparedStatement statementFor(ChunkRange rest) throws SQLException {
        if (rest.start() == null) {
            if (unbounded == null) {
                unbounded = connection.prepareStatement(probeSql(rest));
            }
            return unbounded;
        }
        if (lowerBounded == null) {
            lowerBounded = connection.prepareStatement(probeSql(rest));
        }
        return lowerBounded;
    }

    private String probeSql(ChunkRange rest) {
        return "SELECT " + sql.keyList() + " FROM " + sql.table().id().quoted() + sql.where(rest)
                + " ORDER BY " + sql.keyList() + " LIMIT 1 OFFSET ?";
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : new PreparedStatement[] {lowerBounded, unbounded}) {
            try {
                if (statement != null) {
                    statement.close();
                }
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
