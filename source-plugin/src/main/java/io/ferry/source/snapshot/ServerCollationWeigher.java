package io.ferry.source.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks the server for {@code WEIGHT_STRING}s, so that string keys are ordered exactly as the server orders
 * them, whatever the collation (case/accent-insensitive, PAD SPACE or NO PAD, multi-level UCA). Weights are
 * cached (least recently used first out), because the same chunk boundaries are compared again and again.
 *
 * <p>Uses the connection it is given for its whole life (closing the connection also releases the
 * statements). Not thread-safe: each task orders keys with its own weigher.
 */
public final class ServerCollationWeigher implements CollationWeigher, AutoCloseable {

    private final Connection connection;
    private final Map<StringCollation, PreparedStatement> statements = new HashMap<>();
    private final Map<CacheKey, byte[]> cache;

    public ServerCollationWeigher(Connection connection, int cacheSize) {
        this.connection = connection;
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, byte[]> eldest) {
                return size() > cacheSize;
            }
        };
    }

    @Override
    public byte[] weigh(StringCollation collation, String value) {
        CacheKey key = new CacheKey(collation, value);
        byte[] weight = cache.get(key);
        if (weight == null) {
            weight = query(collation, value);
            cache.put(key, weight);
        }
        return weight;
    }

    private byte[] query(StringCollation collation, String value) {
        try {
            PreparedStatement statement = statements.get(collation);
            if (statement == null) {
                statement = connection.prepareStatement(collation.weightSql());
                statements.put(collation, statement);
            }
            statement.setString(1, value);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                byte[] weight = rs.getBytes(1);
                if (weight == null) {
                    throw new IllegalStateException("The server gave no weight for a key under "
                            + collation.collation());
                }
                return weight;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot compute the sort weight of a key under "
                    + collation.collation() + ": " + e.getMessage(), e);
        }
    }

    /** Closes the prepared statements; the connection stays open. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        statements.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private record CacheKey(StringCollation collation, String value) {
    }
}
