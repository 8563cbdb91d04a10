package io.ferry.deploy.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The demo's sample database {@code shop}: every object kind a migration has to carry (tables with the common
 * types, a foreign key, a table without a primary key, a view on a view, a function, a procedure, a trigger),
 * all with DEFINERs as a real database has them, and rows generated on the server itself (MariaDB's sequence
 * engine), so loading 200k rows takes seconds, not minutes of client round trips.
 */
public final class SampleShop {

    public static final String DATABASE = "shop";

    /** The tables the demo migrates, in the order the report lists them. */
    public static final List<String> TABLES = List.of("customers", "products", "orders", "order_items", "audit_log");

    private static final List<String> SCHEMA = List.of(
            "CREATE DATABASE shop CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
            """
            CREATE TABLE shop.customers (
              id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
              email VARCHAR(191) NOT NULL,
              name VARCHAR(100) NOT NULL,
              country CHAR(2) NOT NULL,
              balance DECIMAL(12,2) NOT NULL DEFAULT 0,
              vip BIT(1) NOT NULL DEFAULT b'0',
              created_at DATETIME(6) NOT NULL,
              profile JSON NULL,
              UNIQUE KEY uk_email (email)
            )""",
            """
            CREATE TABLE shop.products (
              sku VARCHAR(32) NOT NULL PRIMARY KEY,
              title VARCHAR(200) NOT NULL,
              price DECIMAL(10,2) NOT NULL,
              weight_kg DOUBLE NULL,
              color ENUM('red','green','blue','black') NULL,
              tags SET('new','sale','eco','gift') NOT NULL DEFAULT '',
              thumbnail VARBINARY(64) NULL
            )""",
            """
            CREATE TABLE shop.orders (
              id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              customer_id INT UNSIGNED NOT NULL,
              status ENUM('new','paid','shipped','cancelled') NOT NULL DEFAULT 'new',
              total DECIMAL(14,2) NOT NULL,
              placed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
              ship_by DATE NULL,
              note TEXT NULL,
              KEY ix_customer (customer_id),
              CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES shop.customers (id)
            )""",
            """
            CREATE TABLE shop.order_items (
              order_id BIGINT NOT NULL,
              line SMALLINT UNSIGNED NOT NULL,
              sku VARCHAR(32) NOT NULL,
              qty INT NOT NULL,
              price DECIMAL(10,2) NOT NULL,
              PRIMARY KEY (order_id, line)
            )""",
            // No key on purpose: written by the trigger, read whole by the snapshot, applied by full-row match.
            """
            CREATE TABLE shop.audit_log (
              at DATETIME(6) NOT NULL,
              action VARCHAR(20) NOT NULL,
              detail VARCHAR(200) NULL
            )""",
            "CREATE DEFINER = CURRENT_USER VIEW shop.paid_orders AS"
                    + " SELECT id, customer_id, total, placed_at FROM shop.orders WHERE status = 'paid'",
            "CREATE DEFINER = CURRENT_USER VIEW shop.revenue_by_customer AS"
                    + " SELECT customer_id, COUNT(*) AS orders, SUM(total) AS revenue FROM shop.paid_orders"
                    + " GROUP BY customer_id",
            "CREATE DEFINER = CURRENT_USER FUNCTION shop.with_tax(amount DECIMAL(14,2)) RETURNS DECIMAL(14,2)"
                    + " DETERMINISTIC RETURN ROUND(amount * 1.2, 2)",
            "CREATE DEFINER = CURRENT_USER PROCEDURE shop.cancel_order(IN order_id BIGINT)"
                    + " UPDATE shop.orders SET status = 'cancelled' WHERE id = order_id",
            "CREATE DEFINER = CURRENT_USER TRIGGER shop.orders_audit AFTER UPDATE ON shop.orders FOR EACH ROW"
                    + " INSERT INTO shop.audit_log VALUES (NOW(6), 'order-update',"
                    + " CONCAT(NEW.id, ': ', OLD.status, ' -> ', NEW.status))");

    private SampleShop() {
    }

    /** Creates the schema and about {@code rows} rows in all (customers, products, orders and their items). */
    public static void create(Connection connection, int rows) throws SQLException {
        int customers = Math.max(10, rows / 10);
        int products = Math.max(10, Math.min(1_000, rows / 100));
        int orders = Math.max(10, rows * 4 / 10);
        try (Statement statement = connection.createStatement()) {
            for (String ddl : SCHEMA) {
                statement.execute(ddl);
            }
            statement.execute("INSERT INTO shop.customers (id, email, name, country, balance, vip, created_at,"
                    + " profile) SELECT seq, CONCAT('user', seq, '@example.com'), CONCAT('Customer ', seq,"
                    + " IF(seq % 7 = 0, ' \u00e9t\u00e9 \uD83D\uDEA2', '')), ELT(1 + seq % 4, 'DE', 'FR', 'JP', 'BR'),"
                    + " (seq % 10000) / 100, seq % 5 = 0, TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq SECOND"
                    + " + INTERVAL seq % 1000000 MICROSECOND, IF(seq % 3 = 0, NULL,"
                    + " JSON_OBJECT('newsletter', seq % 2 = 0, 'score', seq % 97)) FROM shop.seq_1_to_" + customers);
            statement.execute("INSERT INTO shop.products SELECT CONCAT('SKU-', LPAD(seq, 6, '0')),"
                    + " CONCAT('Product ', seq), 1 + (seq % 500) + 0.99, IF(seq % 11 = 0, NULL, seq / 3.0),"
                    + " ELT(1 + seq % 5, 'red', 'green', 'blue', 'black', NULL),"
                    + " ELT(1 + seq % 4, '', 'new', 'sale,eco', 'gift'), UNHEX(MD5(seq))"
                    + " FROM shop.seq_1_to_" + products);
            statement.execute("INSERT INTO shop.orders (id, customer_id, status, total, placed_at, ship_by, note)"
                    + " SELECT seq, 1 + seq % " + customers + ", ELT(1 + seq % 4, 'new', 'paid', 'shipped',"
                    + " 'cancelled'), (seq % 100000) / 10, TIMESTAMP '2024-06-01 00:00:00' + INTERVAL seq SECOND,"
                    + " IF(seq % 4 = 0, NULL, DATE '2024-07-01' + INTERVAL seq % 365 DAY),"
                    + " IF(seq % 10 = 0, REPEAT('note ', 20), NULL) FROM shop.seq_1_to_" + orders);
            // One line per order, and a second one on every other order.
            statement.execute("INSERT INTO shop.order_items SELECT seq, 1, CONCAT('SKU-',"
                    + " LPAD(1 + seq % " + products + ", 6, '0')), 1 + seq % 3, 1 + (seq % 500) + 0.99"
                    + " FROM shop.seq_1_to_" + orders);
            statement.execute("INSERT INTO shop.order_items SELECT seq, 2, CONCAT('SKU-', LPAD(1 + (seq * 7) % "
                    + products + ", 6, '0')), 1, 9.99 FROM shop.seq_1_to_" + orders + " WHERE seq % 2 = 0");
            statement.execute("INSERT INTO shop.audit_log SELECT TIMESTAMP '2024-06-01 00:00:00' + INTERVAL seq"
                    + " MINUTE, 'import', CONCAT('batch ', seq % 10) FROM shop.seq_1_to_" + Math.max(10, rows / 100));
        }
    }

    /** Rows in the sample's tables on a server, for the report. */
    public static long rowCount(Connection connection) throws SQLException {
        long total = 0;
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (var rs = statement.executeQuery("SELECT COUNT(*) FROM shop." + table)) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
        }
        return total;
    }
}
