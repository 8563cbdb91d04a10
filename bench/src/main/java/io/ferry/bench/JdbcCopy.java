package io.ferry.bench;

import io.ferry.testkit.mysql.MySqlServer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The physical limit of the full migration on this machine: the tables copied with plain JDBC and nothing in
 * between (no Kafka, no events, no offsets). Each table's key range is cut into {@code threads} equal parts;
 * the parts of all tables go to a pool of {@code threads} threads, each part read by a streaming SELECT
 * ({@code useCursorFetch=true}, 2048 rows a fetch, the connectors' default) and written as multi-row INSERTs of
 * {@value #BATCH} rows, one transaction each ({@code rewriteBatchedStatements=true}), like the apply
 * benchmark's baseline.
 */
final class JdbcCopy {

    static final int BATCH = 1000;

    private final MySqlServer source;
    private final MySqlServer destination;
    private final MigrationTables tables;

    JdbcCopy(MySqlServer source, MySqlServer destination, MigrationTables tables) {
        this.source = source;
        this.destination = destination;
        this.tables = tables;
    }

    /** Copies every table into the emptied destination with {@code threads} threads; times the whole. */
    Run copy(int threads) {
        List<Callable<Long>> parts = new ArrayList<>();
        for (String table : tables.names()) {
            List<String> bounds = source.queryRows("SELECT MIN(id), MAX(id) FROM " + tables.quoted(table)).get(0);
            long min = Long.parseLong(bounds.get(0));
            long end = Long.parseLong(bounds.get(1)) + 1;
            String insert = "INSERT INTO " + tables.quoted(table) + " VALUES ("
                    + "?, ".repeat(tables.columns(source, table).size() - 1) + "?)";
            for (int i = 0; i < threads; i++) {
                long from = min + (end - min) * i / threads;
                long to = min + (end - min) * (i + 1) / threads;
                parts.add(() -> transfer("SELECT * FROM " + tables.quoted(table) + " WHERE id >= ? AND id < ?",
                        from, to, insert));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            long rows = 0;
            for (Future<Long> part : pool.invokeAll(parts)) {
                rows += part.get();
            }
            return new Run(rows, System.nanoTime() - started, -1, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JDBC copy failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private long transfer(String select, long from, long to, String insert) throws SQLException {
        return JdbcTransfer.run(source, destination, tables.database(), select, from, to, insert, BATCH);
    }
}
