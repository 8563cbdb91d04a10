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
import java.util.function.LongBinaryOperator;

/**
 * The baseline of the apply benchmark: the same rows moved from the source to the destination with plain JDBC
 * and nothing else (no Kafka, no events, no offsets table), by {@code threads} connections that each take an
 * equal key range. Rows are read with a streaming SELECT ({@code useCursorFetch=true}) and written in batches
 * of {@code batch} rows, one transaction per batch, with {@code rewriteBatchedStatements=true}: INSERTs become
 * one multi-row INSERT, UPDATEs and DELETEs one multi-statement round trip.
 *
 * <ul>
 *   <li>{@link #copy}: every row of the source's copy of the table as of the snapshot ({@value #BEFORE}) into
 *       the empty destination table, the same rows as the snapshot topic;</li>
 *   <li>{@link #update}: the update stream's effect on a destination that holds the snapshot: a full-row UPDATE
 *       by key of every updated row (its final image, kept on the source in {@value #UPDATED}), then the
 *       deletes by key and the inserts of the new rows; as many row changes as the stream has events.</li>
 * </ul>
 */
final class JdbcApply {

    /** The source's copy of the table as of the snapshot, made before the update workload runs. */
    static final String BEFORE = "items_before";
    /** The source's copy of the updated rows' final images, made after the update workload. */
    static final String UPDATED = "items_updated";

    private final MySqlServer source;
    private final MySqlServer destination;
    private final BenchTable table;
    private final UpdateWorkload workload;
    private final int batch;
    private final List<String> columns;

    JdbcApply(MySqlServer source, MySqlServer destination, BenchTable table, UpdateWorkload workload, int batch) {
        this.source = source;
        this.destination = destination;
        this.table = table;
        this.workload = workload;
        this.batch = batch;
        this.columns = source.queryRows("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                + table.database() + "' AND TABLE_NAME = '" + table.table() + "' ORDER BY ORDINAL_POSITION")
                .stream().map(row -> row.get(0)).toList();
    }

    /** Copies the snapshot's rows into the destination table, which must be empty. */
    Run copy(int threads) {
        return inParallel(threads, table.rows(), (from, to) -> transfer(
                "SELECT * FROM `" + BEFORE + "` WHERE id >= ? AND id < ? ORDER BY id", from, to, insert()));
    }

    /** Applies the update stream's changes to a destination table that holds the snapshot's rows. */
    Run update(int threads) {
        long lastKey = table.rows() + workload.deletes();
        String deleteSql = "DELETE FROM " + table.quotedName() + " WHERE id = ?";
        return inParallel(threads, lastKey, (from, to) -> {
            long rows = transfer("SELECT * FROM `" + UPDATED + "` WHERE id >= ? AND id < ? ORDER BY id", from, to,
                    "UPDATE " + table.quotedName() + " SET " + String.join(" = ?, ", columns.subList(1, columns.size()))
                            + " = ? WHERE id = ?");
            rows += transfer("SELECT id FROM " + workload.deletedKeys() + " k WHERE id >= ? AND id < ? ORDER BY id",
                    from, to, deleteSql);
            return rows + transfer("SELECT * FROM " + table.quotedName() + " WHERE id > " + table.rows()
                    + " AND id >= ? AND id < ? ORDER BY id", from, to, insert());
        });
    }

    private String insert() {
        return "INSERT INTO " + table.quotedName() + " (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.size() - 1) + "?)";
    }

    private long transfer(String select, long from, long to, String write) throws SQLException {
        return JdbcTransfer.run(source, destination, table.database(), select, from, to, write, batch);
    }

    /** One key range {@code [from, to)} of the transfer; returns the rows it moved. */
    @FunctionalInterface
    private interface RangeTransfer {
        long run(long from, long to) throws SQLException;
    }

    /** Splits keys 1..lastKey into {@code threads} equal ranges, runs them in parallel and times the whole. */
    private static Run inParallel(int threads, long lastKey, RangeTransfer transfer) {
        LongBinaryOperator bound = (i, n) -> 1 + lastKey * i / n;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<Long>> parts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                long from = bound.applyAsLong(i, threads);
                long to = bound.applyAsLong(i + 1, threads);
                parts.add(pool.submit((Callable<Long>) () -> transfer.run(from, to)));
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
            throw new IllegalStateException("JDBC apply failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Keeps the table as the snapshot saw it (before the workload), for {@link #copy}; not in the binlog. */
    static void keepSnapshotImage(MySqlServer source, BenchTable table) {
        source.execute("SET SESSION sql_log_bin = 0", "USE `" + table.database() + "`",
                "CREATE TABLE `" + BEFORE + "` LIKE " + table.quotedName(),
                "INSERT INTO `" + BEFORE + "` SELECT * FROM " + table.quotedName());
    }

    /** Keeps the final images of the updated rows (after the workload), for {@link #update}; not in the binlog. */
    static void keepUpdatedImages(MySqlServer source, BenchTable table, UpdateWorkload workload) {
        source.execute("SET SESSION sql_log_bin = 0", "USE `" + table.database() + "`",
                "CREATE TABLE `" + UPDATED + "` LIKE " + table.quotedName(),
                "INSERT INTO `" + UPDATED + "` SELECT t.* FROM " + table.quotedName() + " t JOIN "
                        + workload.updatedKeys() + " k USING (id)");
    }
}
