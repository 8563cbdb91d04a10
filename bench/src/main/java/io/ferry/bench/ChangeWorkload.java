package io.ferry.bench;

import io.ferry.testkit.mysql.MySqlServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The incremental scenario's write load on the source's {@code orders} table: {@code writers} client threads,
 * each on its own connection in autocommit (one row, one transaction), offering together {@code rate} row
 * changes a second (0: as fast as they go): half UPDATEs of a random key, a quarter INSERTs of new keys, a
 * quarter DELETEs of a random key, so the table keeps its size. Every INSERT and UPDATE sets
 * {@code changed = NOW(6)} in a UTC session: the server's clock at the statement, which in autocommit is the
 * commit to within the statement's own duration. That is the start of the lag measured.
 */
final class ChangeWorkload {

    /** One offered rate's outcome: statements run, rows they changed (the events to expect), time taken. */
    record Step(int offeredRate, long statements, long changedRows, long nanos) {
        double achievedRate() {
            return statements * 1e9 / nanos;
        }
    }

    private final MySqlServer source;
    private final String table;
    private final int writers;
    private final AtomicLong nextKey;

    ChangeWorkload(MySqlServer source, MigrationTables tables, int writers) {
        this.source = source;
        this.table = tables.quoted(MigrationTables.ORDERS);
        this.writers = writers;
        this.nextKey = new AtomicLong(Long.parseLong(source.queryString("SELECT MAX(id) FROM " + table)) + 1);
    }

    /** Offers {@code rate} changes a second (0: unthrottled) for {@code duration}. */
    Step run(int rate, Duration duration) {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            long started = System.nanoTime();
            long end = started + duration.toNanos();
            // Each writer paces itself to its share: the n-th statement is due at start + n * interval.
            long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) * writers / rate;
            List<Future<long[]>> parts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                parts.add(pool.submit(() -> write(started, end, interval)));
            }
            long statements = 0;
            long changed = 0;
            for (Future<long[]> part : parts) {
                long[] counts = part.get();
                statements += counts[0];
                changed += counts[1];
            }
            return new Step(rate, statements, changed, System.nanoTime() - started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Change workload failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private long[] write(long started, long end, long interval) throws SQLException {
        try (Connection connection = source.connect()) {
            try (Statement session = connection.createStatement()) {
                session.execute("SET time_zone = '+00:00'");
            }
            PreparedStatement update = connection.prepareStatement("UPDATE " + table
                    + " SET total = ?, changed = NOW(6) WHERE id = ?");
            PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?,"
                    + " CONCAT('customer-', ?), ?, NOW(6), NOW(6), JSON_OBJECT('seq', ?, 'status', 'new'))");
            PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?");
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long statements = 0;
            long changed = 0;
            long now = System.nanoTime();
            while (now < end) {
                long due = started + statements * interval;
                if (due > now) {
                    Connectors.sleepNanos(due - now);
                }
                int op = random.nextInt(4);
                long key = 1 + random.nextLong(nextKey.get() - 1);
                PreparedStatement statement;
                if (op < 2) {
                    statement = update;
                    update.setBigDecimal(1, java.math.BigDecimal.valueOf(random.nextInt(10_000_000), 2));
                    update.setLong(2, key);
                } else if (op == 2) {
                    statement = insert;
                    long newKey = nextKey.getAndIncrement();
                    insert.setLong(1, newKey);
                    insert.setLong(2, newKey);
                    insert.setBigDecimal(3, java.math.BigDecimal.valueOf(random.nextInt(10_000_000), 2));
                    insert.setLong(4, newKey);
                } else {
                    statement = delete;
                    delete.setLong(1, key);
                }
                changed += statement.executeUpdate();
                statements++;
                now = System.nanoTime();
            }
            return new long[] {statements, changed};
        }
    }
}
