package io.ferry.migrator.validate;

import io.ferry.common.server.ServerFlavor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Compares a table without a usable key as a multiset: each side lists its distinct row hashes with their
 * counts, sorted, and the two sorted streams are merged. A hash with more rows in the source is missing there,
 * with more in the destination extra; a changed row is both, since nothing says which rows belong together.
 */
final class KeylessTableValidator {

    private final Connection source;
    private final Connection destination;
    private final TableQueries sourceQueries;
    private final TableQueries destinationQueries;

    KeylessTableValidator(ComparedTable table, Connection source, ServerFlavor sourceFlavor, Connection destination,
                          ServerFlavor destinationFlavor) {
        this.source = source;
        this.destination = destination;
        this.sourceQueries = new TableQueries(table, Side.SOURCE, sourceFlavor);
        this.destinationQueries = new TableQueries(table, Side.DESTINATION, destinationFlavor);
    }

    void compare(DifferenceTally tally) throws SQLException {
        tally.chunks = 1;
        try (Statement left = streaming(source); ResultSet expected = left.executeQuery(sourceQueries.hashCounts());
             Statement right = streaming(destination);
             ResultSet actual = right.executeQuery(destinationQueries.hashCounts())) {
            HashCount a = HashCount.next(expected);
            HashCount b = HashCount.next(actual);
            while (a != null || b != null) {
                int order = a == null ? 1 : b == null ? -1 : a.hash().compareTo(b.hash());
                if (order < 0) {
                    tally.sourceRows += a.rows();
                    tally.add(Difference.Kind.MISSING, Map.of("rowHash", a.hash()), a.rows());
                    a = HashCount.next(expected);
                } else if (order > 0) {
                    tally.destinationRows += b.rows();
                    tally.add(Difference.Kind.EXTRA, Map.of("rowHash", b.hash()), b.rows());
                    b = HashCount.next(actual);
                } else {
                    tally.sourceRows += a.rows();
                    tally.destinationRows += b.rows();
                    if (a.rows() != b.rows()) {
                        tally.add(a.rows() > b.rows() ? Difference.Kind.MISSING : Difference.Kind.EXTRA,
                                Map.of("rowHash", a.hash()), Math.abs(a.rows() - b.rows()));
                    }
                    a = HashCount.next(expected);
                    b = HashCount.next(actual);
                }
            }
            tally.mismatchedChunks = tally.missing() + tally.extra() > 0 ? 1 : 0;
        }
    }

    /** A statement whose result rows stream from the server instead of being buffered whole. */
    private static Statement streaming(Connection connection) throws SQLException {
        Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(Integer.MIN_VALUE); // Connector/J's row-by-row streaming
        return statement;
    }

    private record HashCount(String hash, long rows) {

        static HashCount next(ResultSet rs) throws SQLException {
            return rs.next() ? new HashCount(rs.getString(1), rs.getLong(2)) : null;
        }
    }
}
