package io.ferry.bench;

import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The JDBC baselines' one move: stream the rows of a SELECT (bound to a key range {@code [from, to)}) from the
 * source with cursor fetch, and write each through a statement on the destination in batches
 * ({@code rewriteBatchedStatements=true}), one transaction per batch. The first column ({@code id}) goes last for
 * an UPDATE, whose WHERE takes it.
 */
final class JdbcTransfer {

    private static final int FETCH_SIZE = 2048;

    private JdbcTransfer() {
    }

    static long run(MySqlServer source, MySqlServer destination, String database, String select, long from, long to,
                    String write, int batch) throws SQLException {
        boolean keyLast = write.startsWith("UPDATE");
        String sourceUrl = source.jdbcUrl(database) + "&useCursorFetch=true";
        String destinationUrl = destination.jdbcUrl(database) + "&rewriteBatchedStatements=true";
        try (Connection in = DriverManager.getConnection(sourceUrl, source.user(), source.password());
             Connection out = DriverManager.getConnection(destinationUrl, destination.user(), destination.password());
             PreparedStatement read = in.prepareStatement(select);
             PreparedStatement statement = out.prepareStatement(write)) {
            out.setAutoCommit(false);
            read.setFetchSize(FETCH_SIZE);
            read.setLong(1, from);
            read.setLong(2, to);
            long rows = 0;
            try (ResultSet rs = read.executeQuery()) {
                int width = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= width; i++) {
                        int parameter = keyLast ? (i == 1 ? width : i - 1) : i;
                        statement.setObject(parameter, rs.getObject(i));
                    }
                    statement.addBatch();
                    if (++rows % batch == 0) {
                        statement.executeBatch();
                        out.commit();
                    }
                }
            }
            if (rows % batch != 0) {
                statement.executeBatch();
                out.commit();
            }
            return rows;
        }
    }
}
