package io.ferry.migrator.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.migrator.cli.MigratorMain;
import io.ferry.migrator.schema.ObjectOutcome.Status;
import io.ferry.migrator.settings.MigratorSettings;
import io.ferry.migrator.ServerSettings;
import io.ferry.testkit.mysql.MySqlServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema copy between two real servers: a source schema with every object kind, owned by a definer that the
 * destination does not have, copied under a database, table and column rename with one column excluded; the
 * copied objects are then used on the destination, by another account where rights matter.
 */
class SchemaCopyIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    private static Map<String, String> settings(String database) {
        Map<String, String> values = ServerSettings.of(SOURCE, DESTINATION, database);
        return values;
    }

    private static void createShopOnSource() {
        SOURCE.createDatabase("shop");
        SOURCE.execute("ALTER DATABASE shop CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                "CREATE USER IF NOT EXISTS 'owner'@'%' IDENTIFIED BY 'owner-pw'",
                "GRANT ALL ON *.* TO 'owner'@'%'",
                "CREATE TABLE shop.customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL, secret VARCHAR(50),"
                        + " email VARCHAR(100), UNIQUE KEY uk_email (email))",
                "CREATE TABLE shop.orders (id INT NOT NULL AUTO_INCREMENT, customer_id INT NOT NULL,"
                        + " amount DECIMAL(10,2) NOT NULL, qty INT NOT NULL DEFAULT 1,"
                        + " total DECIMAL(12,2) AS (amount * qty) STORED,"
                        + " note VARCHAR(20) AS (CONCAT('#', id)) VIRTUAL,"
                        + " PRIMARY KEY (id), KEY idx_customer (customer_id),"
                        + " CONSTRAINT chk_amount CHECK (amount >= 0),"
                        + " CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customers (id)"
                        + " ON DELETE CASCADE)",
                "CREATE TABLE shop.history (id INT NOT NULL, created DATE NOT NULL, PRIMARY KEY (id, created))"
                        + " PARTITION BY RANGE (YEAR(created)) (PARTITION p2023 VALUES LESS THAN (2024),"
                        + " PARTITION pmax VALUES LESS THAN MAXVALUE)",
                "CREATE TABLE shop.audit (id INT AUTO_INCREMENT PRIMARY KEY, msg VARCHAR(100))",
                // v_big reads v_orders and sorts before it: only dependency order creates it second.
                "CREATE DEFINER=`owner`@`%` VIEW shop.v_orders AS SELECT o.id, o.amount, c.name"
                        + " FROM shop.orders o JOIN shop.customers c ON c.id = o.customer_id",
                "CREATE DEFINER=`owner`@`%` SQL SECURITY DEFINER VIEW shop.v_big AS"
                        + " SELECT id, amount FROM shop.v_orders WHERE amount > 10",
                "CREATE DEFINER=`owner`@`%` PROCEDURE shop.add_order(IN p_customer INT, IN p_amount DECIMAL(10,2))\n"
                        + "BEGIN\n  INSERT INTO orders (customer_id, amount) VALUES (p_customer, p_amount);\nEND",
                "CREATE DEFINER=`owner`@`%` FUNCTION shop.order_total(p_customer INT) RETURNS DECIMAL(12,2)"
                        + " READS SQL DATA\nBEGIN\n  RETURN (SELECT COALESCE(SUM(amount), 0) FROM orders"
                        + " WHERE customer_id = p_customer);\nEND",
                "CREATE DEFINER=`owner`@`%` TRIGGER shop.trg_audit AFTER INSERT ON shop.orders FOR EACH ROW"
                        + " INSERT INTO audit (msg) VALUES (CONCAT('order ', NEW.id, ' of ', NEW.amount))",
                "CREATE DEFINER=`owner`@`%` EVENT shop.ev_cleanup ON SCHEDULE EVERY 1 DAY"
                        + " DO DELETE FROM shop.audit WHERE id < 0");
    }

    private static Map<String, String> shopSettings() {
        Map<String, String> values = settings("shop");
        values.put("mapping.rules", "shop=shop_v2, shop.orders=orders_2024, shop.orders.amount=total_amount");
        values.put("column.exclude", "shop\\.customers\\.secret");
        values.put("schema.events", "true");
        return values;
    }

    @Test
    void copiesEveryObjectKindUnderMappedNamesAndTheCopiesWork(@TempDir Path dir) throws Exception {
        createShopOnSource();
        DESTINATION.execute("DROP DATABASE IF EXISTS shop_v2");
        MigratorSettings settings = MigratorSettings.of(shopSettings());
        SchemaCopy copy = new SchemaCopy(settings);

        // A dry run through the command line prints the DDL and changes nothing.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new MigratorMain(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run("migrate", propertiesFile(dir, shopSettings()).toString(), "--dry-run");
        String script = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(script).isZero();
        assertThat(script).contains("CREATE DATABASE `shop_v2` DEFAULT CHARACTER SET utf8mb4 COLLATE"
                        + " utf8mb4_unicode_ci;", "CREATE TABLE `orders_2024`", "`total_amount` decimal(10,2)",
                "SQL SECURITY INVOKER VIEW `shop_v2`.`v_big`", "DELIMITER ;;", "(dry run): 10 to create")
                .doesNotContain("DEFINER=", "`secret`", "FOREIGN KEY", "trg_audit");
        assertThat(DESTINATION.queryString("SELECT COUNT(*) FROM information_schema.SCHEMATA"
                + " WHERE SCHEMA_NAME = 'shop_v2'")).isEqualTo("0");

        SchemaCopyReport pre = copy.run(SchemaPhase.PRE_DATA, false);

        assertThat(pre.ok()).as(pre.toText()).isTrue();
        assertThat(pre.outcomes(Status.CREATED)).as(pre.toText()).extracting(ObjectOutcome::name).containsExactly(
                "shop_v2", "shop_v2.audit", "shop_v2.customers", "shop_v2.history", "shop_v2.orders_2024",
                "shop_v2.order_total", "shop_v2.add_order", "shop_v2.v_orders", "shop_v2.v_big",
                "shop_v2.ev_cleanup");
        assertTablesWorkWithoutForeignKeysOrTriggers();
        assertViewsAndRoutinesRunWithTheInvokersRights();
        assertThat(DESTINATION.queryString("SELECT STATUS FROM information_schema.EVENTS"
                + " WHERE EVENT_SCHEMA = 'shop_v2' AND EVENT_NAME = 'ev_cleanup'")).isEqualTo("DISABLED");

        SchemaCopyReport again = copy.run(SchemaPhase.PRE_DATA, false);
        assertThat(again.ok()).as(again.toText()).isTrue();
        assertThat(again.outcomes(Status.CREATED)).as(again.toText()).isEmpty();
        assertThat(again.outcomes(Status.SKIPPED)).hasSize(pre.outcomes().size());

        SchemaCopyReport postDry = copy.run(SchemaPhase.POST_DATA, true);
        assertThat(postDry.outcomes(Status.PLANNED)).as(postDry.toText()).extracting(ObjectOutcome::name)
                .containsExactly("shop_v2.orders_2024.fk_customer", "shop_v2.trg_audit");
        assertThat(postDry.toText()).contains("ALTER TABLE `shop_v2`.`orders_2024` ADD CONSTRAINT `fk_customer`");
        assertThat(foreignKeys()).isEmpty();

        SchemaCopyReport post = copy.run(SchemaPhase.POST_DATA, false);
        assertThat(post.ok()).as(post.toText()).isTrue();
        assertThat(post.outcomes(Status.CREATED)).hasSize(2);
        assertThat(foreignKeys()).containsExactly("fk_customer");
        assertThatThrownBy(() -> DESTINATION.execute("INSERT INTO shop_v2.orders_2024 (customer_id, total_amount)"
                + " VALUES (999, 5)")).hasMessageContaining("foreign key constraint fails");
        DESTINATION.execute("INSERT INTO shop_v2.orders_2024 (id, customer_id, total_amount) VALUES (50, 1, 7.50)");
        assertThat(DESTINATION.queryString("SELECT msg FROM shop_v2.audit")).isEqualTo("order 50 of 7.50");
        DESTINATION.execute("DELETE FROM shop_v2.customers WHERE id = 1");
        assertThat(DESTINATION.queryString("SELECT COUNT(*) FROM shop_v2.orders_2024")).isEqualTo("0");

        SchemaCopyReport postAgain = copy.run(SchemaPhase.POST_DATA, false);
        assertThat(postAgain.ok()).as(postAgain.toText()).isTrue();
        assertThat(postAgain.outcomes(Status.SKIPPED)).hasSize(2);
    }

    private static void assertTablesWorkWithoutForeignKeysOrTriggers() {
        assertThat(DESTINATION.queryRows("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA ="
                + " 'shop_v2' AND TABLE_NAME = 'customers' ORDER BY ORDINAL_POSITION")).extracting(r -> r.get(0))
                .containsExactly("id", "name", "email");
        assertThat(DESTINATION.queryString("SELECT COUNT(*) FROM information_schema.PARTITIONS"
                + " WHERE TABLE_SCHEMA = 'shop_v2' AND TABLE_NAME = 'history'")).isEqualTo("2");
        assertThat(foreignKeys()).isEmpty();
        // Without the foreign key an orphan row goes in; without the trigger nothing is audited.
        DESTINATION.execute("INSERT INTO shop_v2.orders_2024 (customer_id, total_amount, qty) VALUES (999, 2.50, 4)");
        assertThat(DESTINATION.queryString("SELECT CONCAT(total, ' ', note) FROM shop_v2.orders_2024"))
                .isEqualTo("10.00 #1");
        assertThat(DESTINATION.queryString("SELECT COUNT(*) FROM shop_v2.audit")).isEqualTo("0");
        assertThatThrownBy(() -> DESTINATION.execute("INSERT INTO shop_v2.orders_2024 (customer_id, total_amount)"
                + " VALUES (1, -1)")).hasMessageContaining("chk_amount");
        DESTINATION.execute("DELETE FROM shop_v2.orders_2024",
                "INSERT INTO shop_v2.customers (id, name, email) VALUES (1, 'Ada', 'ada@example.com')");
    }

    private static void assertViewsAndRoutinesRunWithTheInvokersRights() throws SQLException {
        assertThat(DESTINATION.queryRows("SELECT SECURITY_TYPE, DEFINER FROM information_schema.VIEWS"
                + " WHERE TABLE_SCHEMA = 'shop_v2'")).allSatisfy(row -> {
                    assertThat(row.get(0)).isEqualTo("INVOKER");
                    assertThat(row.get(1)).doesNotContain("owner");
                });
        assertThat(DESTINATION.queryRows("SELECT SECURITY_TYPE, DEFINER FROM information_schema.ROUTINES"
                + " WHERE ROUTINE_SCHEMA = 'shop_v2'")).hasSize(2).allSatisfy(row -> {
                    assertThat(row.get(0)).isEqualTo("INVOKER");
                    assertThat(row.get(1)).doesNotContain("owner");
                });
        DESTINATION.execute("CALL shop_v2.add_order(1, 12.50)", "CALL shop_v2.add_order(1, 3.00)");
        DESTINATION.execute("DROP USER IF EXISTS 'reader'@'%'", "CREATE USER 'reader'@'%' IDENTIFIED BY 'reader-pw'",
                "GRANT SELECT, EXECUTE ON shop_v2.* TO 'reader'@'%'");
        try (Connection reader = DriverManager.getConnection(DESTINATION.jdbcUrl(), "reader", "reader-pw");
             Statement statement = reader.createStatement()) {
            assertThat(single(statement, "SELECT shop_v2.order_total(1)")).isEqualTo("15.50");
            assertThat(single(statement, "SELECT amount FROM shop_v2.v_big")).isEqualTo("12.50");
            assertThat(single(statement, "SELECT COUNT(*) FROM shop_v2.v_orders")).isEqualTo("2");
            // SQL SECURITY INVOKER: the procedure inserts with the caller's rights, and this caller may not.
            assertThatThrownBy(() -> statement.execute("CALL shop_v2.add_order(1, 1.00)"))
                    .hasMessageContaining("INSERT command denied");
        }
        DESTINATION.execute("DELETE FROM shop_v2.orders_2024");
    }

    @Test
    void anExcludedColumnThatAnIndexNeedsFailsOnlyItsTable() {
        SOURCE.createDatabase("refuse");
        SOURCE.execute("CREATE TABLE refuse.people (id INT PRIMARY KEY, email VARCHAR(100),"
                + " UNIQUE KEY uk_contact (email))", "CREATE TABLE refuse.plain (id INT PRIMARY KEY, email TEXT)");
        DESTINATION.execute("DROP DATABASE IF EXISTS refuse");
        Map<String, String> values = settings("refuse");
        values.put("column.exclude", "refuse\\..*\\.email");

        SchemaCopyReport report = new SchemaCopy(MigratorSettings.of(values)).run(SchemaPhase.PRE_DATA, false);

        assertThat(report.exitCode()).as(report.toText()).isEqualTo(1);
        assertThat(report.outcomes(Status.FAILED)).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("refuse.people");
            assertThat(o.detail()).contains("Column email of refuse.people is excluded by column.exclude but"
                    + " UNIQUE KEY `uk_contact` (`email`) uses it");
        });
        assertThat(report.outcomes(Status.CREATED)).extracting(ObjectOutcome::name)
                .containsExactly("refuse", "refuse.plain");
        assertThat(report.toText()).contains("FAILED   table    refuse.people: Column email");
    }

    @Test
    void objectsAnEarlierRunDidNotCreateAreNeitherReplacedNorWrittenOver() {
        SOURCE.createDatabase("clash");
        SOURCE.execute("CREATE TABLE clash.items (id INT PRIMARY KEY, name VARCHAR(20))",
                "CREATE TABLE clash.same (id INT PRIMARY KEY)",
                "CREATE VIEW clash.v AS SELECT id FROM clash.items");
        DESTINATION.execute("DROP DATABASE IF EXISTS clash", "CREATE DATABASE clash",
                "CREATE TABLE clash.items (id INT PRIMARY KEY, label TEXT)", "CREATE TABLE clash.same (id BIGINT)",
                "CREATE VIEW clash.v AS SELECT 1 AS id");
        Map<String, String> values = settings("clash");

        SchemaCopyReport strict = new SchemaCopy(MigratorSettings.of(values)).run(SchemaPhase.PRE_DATA, false);

        assertThat(strict.outcomes(Status.FAILED)).as(strict.toText()).extracting(ObjectOutcome::name)
                .containsExactly("clash.items", "clash.v");
        assertThat(strict.toText()).contains("FAILED   table    clash.items: already exists with a different"
                + " definition", "(or set conflict.tables=ignore to keep it)");
        // Same columns: taken for the table an earlier run created, whatever their types.
        assertThat(strict.outcomes(Status.SKIPPED)).extracting(ObjectOutcome::name)
                .containsExactly("clash", "clash.same");
        assertThat(DESTINATION.queryString("SELECT VIEW_DEFINITION FROM information_schema.VIEWS"
                + " WHERE TABLE_SCHEMA = 'clash'")).isEqualTo("select 1 AS `id`");

        values.put("conflict.tables", "ignore");
        SchemaCopyReport lenient = new SchemaCopy(MigratorSettings.of(values)).run(SchemaPhase.PRE_DATA, false);
        assertThat(lenient.outcomes(Status.FAILED)).extracting(ObjectOutcome::name).containsExactly("clash.v");
        assertThat(lenient.toText()).contains("skipped  table    clash.items: exists with other columns; kept as is"
                + " (conflict.tables=ignore)");
    }

    @Test
    void accountsArriveWithTheirPasswordsAndMappedGrants() throws SQLException {
        SOURCE.createDatabase("acct");
        SOURCE.execute("CREATE TABLE acct.items (id INT PRIMARY KEY, price DECIMAL(8,2))",
                "CREATE ROLE acct_reader", "GRANT SELECT ON acct.items TO acct_reader",
                "CREATE USER 'acct_app'@'%' IDENTIFIED BY 'app-pw'", "GRANT INSERT ON acct.* TO 'acct_app'@'%'",
                "GRANT UPDATE (price) ON acct.items TO 'acct_app'@'%'", "GRANT acct_reader TO 'acct_app'@'%'",
                "SET DEFAULT ROLE acct_reader FOR 'acct_app'@'%'", "CREATE USER 'bystander'@'%'");
        Map<String, String> values = settings("acct");
        values.put("mapping.rules", "acct=acct_v2, acct.items.price=cost");
        values.put("accounts.include", "acct_%");
        SchemaCopy copy = new SchemaCopy(MigratorSettings.of(values));

        SchemaCopyReport dry = copy.run(SchemaPhase.PRE_DATA, true, true);
        assertThat(dry.toText()).as(dry.toText()).contains("IDENTIFIED BY PASSWORD '<hidden>'")
                .doesNotContain("bystander");
        SchemaCopyReport report = copy.run(SchemaPhase.PRE_DATA, false, true);

        assertThat(report.ok()).as(report.toText()).isTrue();
        assertThat(report.outcomes(Status.CREATED)).as(report.toText()).extracting(ObjectOutcome::kind)
                .containsExactly(ObjectKind.DATABASE, ObjectKind.TABLE, ObjectKind.ACCOUNT, ObjectKind.GRANT,
                        ObjectKind.ACCOUNT, ObjectKind.GRANT, ObjectKind.GRANT, ObjectKind.GRANT, ObjectKind.GRANT);
        // Each account's GRANT USAGE line comes with CREATE USER/ROLE: it is there before its turn.
        assertThat(report.outcomes(Status.SKIPPED)).extracting(ObjectOutcome::name).containsExactly(
                "`acct_reader` GRANT USAGE ON *.*", "'acct_app'@'%' GRANT USAGE ON *.*");
        assertThat(DESTINATION.queryRows("SHOW GRANTS FOR 'acct_app'@'%'")).extracting(r -> r.get(0))
                .contains("GRANT INSERT ON `acct_v2`.* TO `acct_app`@`%`",
                        "GRANT UPDATE (`cost`) ON `acct_v2`.`items` TO `acct_app`@`%`");
        try (Connection app = DriverManager.getConnection(DESTINATION.jdbcUrl(), "acct_app", "app-pw");
             Statement statement = app.createStatement()) {
            statement.execute("INSERT INTO acct_v2.items (id, cost) VALUES (1, 2.50)");
            statement.execute("UPDATE acct_v2.items SET cost = 3.00 WHERE id = 1");
            assertThat(single(statement, "SELECT cost FROM acct_v2.items")).isEqualTo("3.00");
        }

        SchemaCopyReport again = copy.run(SchemaPhase.PRE_DATA, false, true);
        assertThat(again.outcomes(Status.CREATED)).as(again.toText()).isEmpty();
        assertThat(again.ok()).isTrue();
    }

    private static List<String> foreignKeys() {
        return DESTINATION.queryRows("SELECT CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS WHERE"
                + " CONSTRAINT_SCHEMA = 'shop_v2' AND CONSTRAINT_TYPE = 'FOREIGN KEY'").stream()
                .map(r -> r.get(0)).toList();
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    private static Path propertiesFile(Path dir, Map<String, String> values) throws Exception {
        Properties properties = new Properties();
        properties.putAll(values);
        Path file = dir.resolve("migration.properties");
        try (var writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return file;
    }
}
