package io.ferry.deploy.demo;

import io.ferry.common.throttle.Throttle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application the demo keeps running on the source while it is migrated: new orders, status changes (which
 * fire the audit trigger), balance updates, cancelled orders deleted, and order lines renumbered (a primary key
 * change). One thread, one transaction per business operation, at a fixed rate.
 */
public final class ShopWorkload implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShopWorkload.class);

    private final Supplier<Connection> connections;
    private final Throttle rate;
    private final AtomicLong transactions = new AtomicLong();
    private final SplittableRandom random = new SplittableRandom(42);
    private volatile boolean running;
    private volatile Exception failure;
    private Thread thread;

    /**
     * @param connections opens a connection to the source
     * @param perSecond   transactions per second
     */
    public ShopWorkload(Supplier<Connection> connections, int perSecond) {
        this.connections = connections;
        this.rate = Throttle.of(perSecond, Clock.systemUTC());
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "shop-workload");
        thread.setDaemon(true);
        thread.start();
    }

    /** Transactions committed so far. */
    public long transactions() {
        return transactions.get();
    }

    /** Stops after the current transaction; throws if the workload failed (the demo's source would be suspect). */
    @Override
    public synchronized void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join();
            thread = null;
        }
        if (failure != null) {
            throw new IllegalStateException("The demo's write workload failed: " + failure.getMessage(), failure);
        }
    }

    private void run() {
        try (Connection connection = connections.get()) {
            connection.setAutoCommit(false);
            long nextOrder = maxId(connection, "SELECT COALESCE(MAX(id), 0) FROM shop.orders") + 1;
            long customers = maxId(connection, "SELECT COUNT(*) FROM shop.customers");
            while (running) {
                long order = 1 + random.nextLong(nextOrder - 1);
                switch (random.nextInt(5)) {
                    case 0 -> placeOrder(connection, nextOrder++, 1 + random.nextLong(customers));
                    case 1 -> update(connection, "UPDATE shop.orders SET status = ELT(1 + FLOOR(RAND() * 3), 'paid',"
                            + " 'shipped', 'cancelled') WHERE id = ?", order);
                    case 2 -> update(connection, "UPDATE shop.customers SET balance = balance + 1.25 WHERE id = ?",
                            1 + random.nextLong(customers));
                    case 3 -> {
                        update(connection, "DELETE FROM shop.order_items WHERE order_id = ?", order);
                        update(connection, "DELETE FROM shop.orders WHERE id = ? AND status = 'cancelled'", order);
                    }
                    default -> update(connection, "UPDATE shop.order_items SET line = line + 100 WHERE order_id = ?"
                            + " AND line < 100", order);
                }
                connection.commit();
                transactions.incrementAndGet();
                rate.acquire(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            failure = e;
            LOG.error("The demo's write workload stopped: {}", e.getMessage());
        }
    }

    private void placeOrder(Connection connection, long id, long customer) throws SQLException {
        try (PreparedStatement order = connection.prepareStatement("INSERT INTO shop.orders (id, customer_id, total,"
                + " note) VALUES (?, ?, ?, 'placed during the migration')");
                PreparedStatement line = connection.prepareStatement("INSERT INTO shop.order_items VALUES"
                        + " (?, 1, 'SKU-000001', 2, 19.99)")) {
            order.setLong(1, id);
            order.setLong(2, customer);
            order.setBigDecimal(3, java.math.BigDecimal.valueOf(random.nextInt(100_000), 2));
            order.executeUpdate();
            line.setLong(1, id);
            line.executeUpdate();
        }
    }

    private static void update(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }

    private static long maxId(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
