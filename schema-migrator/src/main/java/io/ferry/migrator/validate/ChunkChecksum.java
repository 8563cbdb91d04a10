package io.ferry.migrator.validate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A chunk's row count and the XOR folds of its row hashes, as one server computed them. */
record ChunkChecksum(long rows, String high, String low) {

    static ChunkChecksum compute(Connection connection, BoundSql query) throws SQLException {
        try (PreparedStatement statement = query.prepare(connection); ResultSet rs = statement.executeQuery()) {
            rs.next();
            // The folds are BIGINT UNSIGNED; as text they need no overflow care.
            return new ChunkChecksum(rs.getLong(1), rs.getString(2), rs.getString(3));
        }
    }
}
