package io.ferry.bench;

import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes on the source whose binlog becomes the update stream: {@code updates} single-row UPDATEs by key
 * (new name, amount, time and JSON status), in transactions of {@value #TRANSACTION} statements, with
 * {@code deletes} single-row DELETEs and as many INSERTs of new keys spread evenly between them, also in
 * transactions of {@value #TRANSACTION}.
 *
 * <p>Every key is touched once: update {@code k} changes key {@code 1 + (k * STRIDE) mod rows}, delete {@code j}
 * key {@code 1 + ((updates + j) * STRIDE) mod rows} (a bijection, since the stride is a prime that does not
 * divide the row count), insert {@code j} the new key {@code rows + 1 + j}. So no change is collapsed away by
 * the sink, and the baseline can apply the same final images without replaying an order.
 */
final class UpdateWorkload {

    static final int STRIDE = 7919;
    static final int TRANSACTION = 100;
    private static final Logger LOG = LoggerFactory.getLogger(UpdateWorkload.class);

    private final MySqlServer server;
    private final BenchTable table;
    private final int updates;
    private final int deletes;

    UpdateWorkload(MySqlServer server, BenchTable table, int updates, int deletes) {
        this.server = server;
        this.table = table;
        this.updates = updates;
        this.deletes = deletes;
    }

    /** Change events the workload makes: one per updated, deleted and inserted row (no tombstones). */
    long events() {
        return updates + 2L * deletes;
    }

    int updates() {
        return updates;
    }

    int deletes() {
        return deletes;
    }

    /** A derived table of one column {@code id}: the keys the workload updates (SQL, to run inside the database). */
    String updatedKeys() {
        return keys(0, updates);
    }

    /** The same for the keys the workload deletes. */
    String deletedKeys() {
        return keys(updates, deletes);
    }

    private String keys(long first, long count) {
        return count == 0 ? "(SELECT 0 AS id FROM DUAL WHERE FALSE)"
                : "(SELECT 1 + (seq * " + STRIDE + ") % " + table.rows() + " AS id FROM seq_" + first + "_to_"
                + (first + count - 1) + ")";
    }

    /** Runs the writes; returns when the last transaction has committed. */
    void run() {
        String url = server.jdbcUrl(table.database()) + "&rewriteBatchedStatements=true";
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
             PreparedStatement update = connection.prepareStatement("UPDATE " + table.quotedName()
                     + " SET name = CONCAT('customer-', id, '-updated'), amount = amount + 1.25,"
                     + " created = created + INTERVAL 1 SECOND, doc = JSON_SET(doc, '$.status', 'updated')"
                     + " WHERE id = ?");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table.quotedName()
                     + " WHERE id = ?");
             Statement insert = connection.createStatement()) {
            connection.setAutoCommit(false);
            int deleted = 0;
            for (int updated = 0; updated < updates; ) {
                int end = Math.min(updates, updated + TRANSACTION);
                for (; updated < end; updated++) {
                    update.setLong(1, 1 + ((long) updated * STRIDE) % table.rows());
                    update.addBatch();
                }
                update.executeBatch();
                connection.commit();
                // deletes and inserts keep pace with the updates
                while (deleted < deletes && (long) deleted * updates < (long) updated * deletes) {
                    int batchEnd = Math.min(deletes, deleted + TRANSACTION);
                    for (int j = deleted; j < batchEnd; j++) {
                        delete.setLong(1, 1 + ((long) (updates + j) * STRIDE) % table.rows());
                        delete.addBatch();
                    }
                    delete.executeBatch();
                    connection.commit();
                    insert.execute(BenchTable.insertFromSequence(table.quotedName(), table.rows() + 1 + deleted,
                            table.rows() + batchEnd, table.withDateTime()));
                    connection.commit();
                    deleted = batchEnd;
                }
            }
            if (deleted < deletes) {
                throw new IllegalStateException("The workload left " + (deletes - deleted) + " deletes undone");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The update workload failed: " + e.getMessage(), e);
        }
        LOG.info("Source workload: {} updates, {} deletes, {} inserts in {} ms", updates, deletes, deletes,
                (System.nanoTime() - started) / 1_000_000);
    }
}
