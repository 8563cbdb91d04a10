package io.ferry.bench;

import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baseline: the table read with plain JDBC the way Ferry's snapshot reads it (same driver, same
 * {@code useCursorFetch=true} and fetch size, every column through {@code getObject}), by {@code threads}
 * connections that each scan an equal key range once, with no chunking, no events and no Kafka. What this
 * reaches is the read side's limit on this machine; Ferry cannot be faster.
 */
final class JdbcScan {

    private final MySqlServer server;
    private final BenchTable table;
    private final int fetchSize;

    JdbcScan(MySqlServer server, BenchTable table, int fetchSize) {
        this.server = server;
        this.table = table;
        this.fetchSize = fetchSize;
    }

    Run run(int threads) {
        long min = Long.parseLong(server.queryString("SELECT MIN(id) FROM " + table.quotedName()));
        long max = Long.parseLong(server.queryString("SELECT MAX(id) FROM " + table.quotedName()));
        long span = max - min + 1;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<Long>> parts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                long from = min + span * i / threads;
                long to = min + span * (i + 1) / threads;
                parts.add(pool.submit(() -> scan(from, to)));
            }
            long rows = 0;
            for (Future<Long> part : parts) {
                rows += part.get();
            }
            return new Run(rows, System.nanoTime() - started, -1, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JDBC scan failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads the rows with {@code from <= id < to}; returns how many. */
    private long scan(long from, long to) throws SQLException {
        String url = server.jdbcUrl() + "&sessionVariables=time_zone=%27%2B00:00%27&useCursorFetch=true";
        try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
             PreparedStatement select = connection.prepareStatement("SELECT * FROM "
                     + table.quotedName() + " WHERE id >= ? AND id < ? ORDER BY id")) {
            select.setFetchSize(fetchSize);
            select.setLong(1, from);
            select.setLong(2, to);
            long rows = 0;
            long checksum = 0;
            int columns;
            try (ResultSet rs = select.executeQuery()) {
                columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        checksum += value == null ? 0 : 1;
                    }
                    rows++;
                }
            }
            if (checksum != rows * columns) {
                throw new IllegalStateException("Unexpected NULLs in " + table.quotedName());
            }
            return rows;
        }
    }
}
