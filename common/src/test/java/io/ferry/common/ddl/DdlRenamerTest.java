package io.ferry.common.ddl;

import io.ferry.common.mapping.CasePolicy;
import io.ferry.common.mapping.NameMapping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Table-driven checks of whole statements: the expected text is the exact rewritten statement. */
class DdlRenamerTest {

    /** shop moves to shop_v2; orders is renamed in it; refunds moves to another database. */
    private static final NameMapping MAPPING = NameMapping.parse(List.of(
            "shop=shop_v2",
            "shop.orders=orders_2024",
            "shop.orders.amount=total_amount",
            "shop.customers.name=full_name",
            "shop.refunds=archive.refunds",
            "crm=crm_v2"), CasePolicy.AS_SOURCE);

    private final DdlRenamer renamer = new DdlRenamer(MAPPING);

    private String rename(String ddl) {
        return renamer.rename(ddl, "shop");
    }

    @Test
    void createTableRenamesTableColumnsKeysGeneratedColumnsChecksAndReferences() {
        assertThat(rename("""
                CREATE TABLE orders (
                  id BIGINT NOT NULL AUTO_INCREMENT, -- the key
                  cid INT,
                  amount DECIMAL(10,2) NOT NULL DEFAULT 0 COMMENT "amount, in cents",
                  doubled DECIMAL(12,2) AS (amount * 2) STORED,
                  PRIMARY KEY (id),
                  KEY idx_amount (amount, cid),
                  CONSTRAINT fk_c FOREIGN KEY (cid) REFERENCES crm.customers (id) ON DELETE CASCADE,
                  CONSTRAINT chk CHECK (amount >= 0)
                ) ENGINE=InnoDB /* trailing comment */""")).isEqualTo("""
                CREATE TABLE `orders_2024` (
                  id BIGINT NOT NULL AUTO_INCREMENT, -- the key
                  cid INT,
                  `total_amount` DECIMAL(10,2) NOT NULL DEFAULT 0 COMMENT "amount, in cents",
                  doubled DECIMAL(12,2) AS (`total_amount` * 2) STORED,
                  PRIMARY KEY (id),
                  KEY idx_amount (`total_amount`, cid),
                  CONSTRAINT fk_c FOREIGN KEY (cid) REFERENCES `crm_v2`.customers (id) ON DELETE CASCADE,
                  CONSTRAINT chk CHECK (`total_amount` >= 0)
                ) ENGINE=InnoDB /* trailing comment */""");
    }

    @Test
    void referencedColumnsFollowTheReferencedTable() {
        assertThat(rename("CREATE TABLE payments (id INT, cust_name VARCHAR(50), "
                + "FOREIGN KEY (cust_name) REFERENCES customers (name))"))
                .isEqualTo("CREATE TABLE payments (id INT, cust_name VARCHAR(50), "
                        + "FOREIGN KEY (cust_name) REFERENCES customers (`full_name`))");
    }

    @Test
    void qualifiedNamesAndBackQuotedNames() {
        assertThat(rename("CREATE TABLE `shop`.`orders` (`amount` INT, `id` INT)"))
                .isEqualTo("CREATE TABLE `shop_v2`.`orders_2024` (`total_amount` INT, `id` INT)");
        assertThat(rename("create table SHOP.Orders (Amount int)"))
                .as("databases and tables match case-sensitively, like MySQL on Linux")
                .isEqualTo("create table SHOP.Orders (Amount int)");
        assertThat(rename("create table orders (AMOUNT int)"))
                .as("columns match case-insensitively").isEqualTo("create table `orders_2024` (`total_amount` int)");
    }

    @Test
    void unqualifiedTableMovedToAnotherDatabaseGetsQualified() {
        assertThat(rename("TRUNCATE TABLE refunds")).isEqualTo("TRUNCATE TABLE `archive`.`refunds`");
        assertThat(rename("TRUNCATE TABLE shop.refunds")).isEqualTo("TRUNCATE TABLE `archive`.refunds");
        assertThat(rename("TRUNCATE TABLE items")).as("lands in the default database's destination")
                .isEqualTo("TRUNCATE TABLE items");
        assertThat(renamer.rename("TRUNCATE TABLE items", "crm")).isEqualTo("TRUNCATE TABLE items");
    }

    @Test
    void partitionsRenameTheirColumns() {
        assertThat(rename("CREATE TABLE orders (id INT, amount INT) PARTITION BY RANGE COLUMNS (amount) "
                + "(PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN MAXVALUE)"))
                .isEqualTo("CREATE TABLE `orders_2024` (id INT, `total_amount` INT) PARTITION BY RANGE COLUMNS "
                        + "(`total_amount`) (PARTITION p0 VALUES LESS THAN (10), "
                        + "PARTITION p1 VALUES LESS THAN MAXVALUE)");
        assertThat(rename("CREATE TABLE orders (id INT, amount INT) PARTITION BY HASH (amount DIV 10) PARTITIONS 4"))
                .isEqualTo("CREATE TABLE `orders_2024` (id INT, `total_amount` INT) "
                        + "PARTITION BY HASH (`total_amount` DIV 10) PARTITIONS 4");
        assertThat(rename("CREATE TABLE orders (id INT, amount INT) PARTITION BY KEY (id, amount) PARTITIONS 2"))
                .endsWith("PARTITION BY KEY (id, `total_amount`) PARTITIONS 2");
    }

    @Test
    void createTableLikeAndAsSelect() {
        assertThat(rename("CREATE TABLE orders_copy LIKE orders"))
                .isEqualTo("CREATE TABLE orders_copy LIKE `orders_2024`");
        assertThat(rename("CREATE TABLE IF NOT EXISTS crm.big AS SELECT o.amount, id FROM orders o WHERE amount > 5"))
                .isEqualTo("CREATE TABLE IF NOT EXISTS `crm_v2`.big AS SELECT o.`total_amount`, id FROM "
                        + "`orders_2024` o WHERE `total_amount` > 5");
    }

    @Test
    void alterTableColumnOperations() {
        assertThat(rename("ALTER TABLE orders ADD COLUMN note TEXT AFTER amount, DROP COLUMN amount, "
                + "MODIFY amount BIGINT, CHANGE COLUMN amount price INT FIRST, RENAME COLUMN amount TO amount2, "
                + "ALTER COLUMN amount SET DEFAULT 1, ALTER amount DROP DEFAULT, ADD INDEX ia (amount), "
                + "ADD CONSTRAINT c1 CHECK (amount > 0), ORDER BY amount"))
                .isEqualTo("ALTER TABLE `orders_2024` ADD COLUMN note TEXT AFTER `total_amount`, DROP COLUMN "
                        + "`total_amount`, MODIFY `total_amount` BIGINT, "
                        + "CHANGE COLUMN `total_amount` price INT FIRST, "
                        + "RENAME COLUMN `total_amount` TO amount2, ALTER COLUMN `total_amount` SET DEFAULT 1, "
                        + "ALTER `total_amount` DROP DEFAULT, ADD INDEX ia (`total_amount`), "
                        + "ADD CONSTRAINT c1 CHECK (`total_amount` > 0), ORDER BY `total_amount`");
    }

    @Test
    void alterTableAddsAColumnThatARuleRenames() {
        assertThat(rename("ALTER TABLE orders ADD amount INT, ADD COLUMN (x INT, amount INT)"))
                .isEqualTo("ALTER TABLE `orders_2024` ADD `total_amount` INT, ADD COLUMN (x INT, `total_amount` INT)");
        assertThat(rename("ALTER TABLE orders CHANGE price amount INT"))
                .as("a column renamed into a mapped name takes the mapped name")
                .isEqualTo("ALTER TABLE `orders_2024` CHANGE price `total_amount` INT");
    }

    @Test
    void alterTableItemsThatNameNoColumnKeepTheirNames() {
        String ddl = "ALTER TABLE items DROP FOREIGN KEY amount, DROP CHECK amount, DROP CONSTRAINT amount, "
                + "DROP INDEX amount, RENAME INDEX amount TO amount2, ALTER INDEX amount INVISIBLE, DROP PRIMARY KEY";
        assertThat(new DdlRenamer(NameMapping.parse(List.of("shop.items.amount=x"), CasePolicy.AS_SOURCE))
                .rename(ddl, "shop")).isEqualTo(ddl);
    }

    @Test
    void alterTableRenameAndForeignKeys() {
        assertThat(rename("ALTER TABLE orders RENAME TO crm.orders_old, ADD FOREIGN KEY (cid) REFERENCES "
                + "customers (name)"))
                .isEqualTo("ALTER TABLE `orders_2024` RENAME TO `crm_v2`.orders_old, ADD FOREIGN KEY (cid) REFERENCES "
                        + "customers (`full_name`)");
    }

    @Test
    void renameTableWithSeveralPairs() {
        assertThat(rename("RENAME TABLE orders TO orders_old, shop._orders_new TO shop.orders, refunds TO r2"))
                .isEqualTo("RENAME TABLE `orders_2024` TO orders_old, "
                        + "`shop_v2`._orders_new TO `shop_v2`.`orders_2024`, "
                        + "`archive`.`refunds` TO r2");
    }

    @Test
    void dropTruncateAndIndexes() {
        assertThat(rename("DROP TABLE IF EXISTS orders, shop.items, crm.people"))
                .isEqualTo("DROP TABLE IF EXISTS `orders_2024`, `shop_v2`.items, `crm_v2`.people");
        assertThat(rename("DROP TEMPORARY TABLE orders")).isEqualTo("DROP TEMPORARY TABLE `orders_2024`");
        assertThat(rename("TRUNCATE orders")).isEqualTo("TRUNCATE `orders_2024`");
        assertThat(rename("CREATE UNIQUE INDEX amount ON orders (amount(10) DESC, id)"))
                .isEqualTo("CREATE UNIQUE INDEX amount ON `orders_2024` (`total_amount`(10) DESC, id)");
        assertThat(rename("DROP INDEX amount ON shop.orders"))
                .isEqualTo("DROP INDEX amount ON `shop_v2`.`orders_2024`");
    }

    @Test
    void databases() {
        assertThat(rename("CREATE DATABASE IF NOT EXISTS shop CHARACTER SET utf8mb4"))
                .isEqualTo("CREATE DATABASE IF NOT EXISTS `shop_v2` CHARACTER SET utf8mb4");
        assertThat(rename("DROP SCHEMA `crm`")).isEqualTo("DROP SCHEMA `crm_v2`");
        assertThat(rename("ALTER DATABASE shop COLLATE utf8mb4_bin")).isEqualTo("ALTER DATABASE `shop_v2` COLLATE "
                + "utf8mb4_bin");
        assertThat(rename("CREATE DATABASE other")).isEqualTo("CREATE DATABASE other");
    }

    @Test
    void viewWithAliasesJoinsAndSubqueries() {
        assertThat(rename("""
                CREATE OR REPLACE ALGORITHM=UNDEFINED DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW v_orders AS
                SELECT o.id, o.amount AS amt, c.name, orders.amount,
                  shop.orders.amount, customers.name AS n2
                FROM orders o JOIN crm.customers c ON c.id = o.cid, orders, customers
                WHERE o.amount > (SELECT AVG(r.amount) FROM refunds r WHERE r.order_id = o.id)
                ORDER BY amt""")).isEqualTo("""
                CREATE OR REPLACE ALGORITHM=UNDEFINED DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW v_orders AS
                SELECT o.id, o.`total_amount` AS amt, c.name, `orders_2024`.`total_amount`,
                  `shop_v2`.`orders_2024`.`total_amount`, customers.`full_name` AS n2
                FROM `orders_2024` o JOIN `crm_v2`.customers c ON c.id = o.cid, `orders_2024`, customers
                WHERE o.`total_amount` > (SELECT AVG(r.amount) FROM `archive`.`refunds` r WHERE r.order_id = o.id)
                ORDER BY amt""");
    }

    @Test
    void bareColumnsInASingleTableViewAreRenamed() {
        DdlRewrite rewrite = renamer.rewrite("CREATE VIEW big AS SELECT id, amount FROM orders WHERE amount > 100 "
                + "GROUP BY id, amount HAVING SUM(amount) > 1", "shop");
        assertThat(rewrite.statement()).isEqualTo("CREATE VIEW big AS SELECT id, `total_amount` FROM `orders_2024` "
                + "WHERE `total_amount` > 100 GROUP BY id, `total_amount` HAVING SUM(`total_amount`) > 1");
        assertThat(rewrite.unresolvedColumns()).isEmpty();
    }

    @Test
    void bareColumnsOverSeveralTablesThatMapThemDifferentlyAreLeftAndReported() {
        DdlRewrite rewrite = renamer.rewrite(
                "CREATE VIEW v AS SELECT amount, id FROM orders JOIN refunds USING (id)", "shop");
        assertThat(rewrite.statement())
                .isEqualTo("CREATE VIEW v AS SELECT amount, id FROM `orders_2024` JOIN `archive`.`refunds` USING (id)");
        assertThat(rewrite.unresolvedColumns()).containsExactly("amount");
    }

    @Test
    void correlatedSubquerySeesTheOuterTables() {
        DdlRewrite rewrite = renamer.rewrite("CREATE VIEW v AS SELECT id FROM orders WHERE EXISTS "
                + "(SELECT 1 FROM items i WHERE i.order_id = id AND i.price < amount)", "shop");
        assertThat(rewrite.statement()).as("amount could be items.amount or orders.amount")
                .contains("i.price < amount)");
        assertThat(rewrite.unresolvedColumns()).containsExactly("amount");
    }

    @Test
    void derivedTablesAndCtesAreNotTables() {
        assertThat(rename("CREATE VIEW v AS WITH orders AS (SELECT 1 AS amount) SELECT amount FROM orders"))
                .as("a CTE named like a table is not that table")
                .isEqualTo("CREATE VIEW v AS WITH orders AS (SELECT 1 AS amount) SELECT amount FROM orders");
        assertThat(rename("CREATE VIEW v AS SELECT d.amount FROM (SELECT amount FROM orders) d"))
                .isEqualTo("CREATE VIEW v AS SELECT d.amount FROM (SELECT `total_amount` FROM `orders_2024`) d");
    }

    @Test
    void triggerBodiesRenameTablesAndNewOldColumns() {
        assertThat(rename("""
                CREATE DEFINER=`app`@`localhost` TRIGGER shop.trg_orders AFTER INSERT ON orders FOR EACH ROW
                BEGIN
                  INSERT INTO crm.audit (order_id, amount) VALUES (NEW.id, NEW.amount);
                  UPDATE customers c SET c.name = CONCAT(c.name, '*') WHERE c.id = new.cid;
                  IF OLD.amount IS NULL THEN SET @x = 1; END IF;
                END""")).isEqualTo("""
                CREATE DEFINER=`app`@`localhost` TRIGGER `shop_v2`.trg_orders AFTER INSERT ON `orders_2024` FOR EACH ROW
                BEGIN
                  INSERT INTO `crm_v2`.audit (order_id, amount) VALUES (NEW.id, NEW.`total_amount`);
                  UPDATE customers c SET c.`full_name` = CONCAT(c.`full_name`, '*') WHERE c.id = new.cid;
                  IF OLD.`total_amount` IS NULL THEN SET @x = 1; END IF;
                END""");
    }

    @Test
    void procedureBodiesRenameTablesAndColumnsButNotVariables() {
        assertThat(rename("""
                CREATE PROCEDURE shop.order_total(IN p_id INT, OUT amount DECIMAL(10,2))
                BEGIN
                  DECLARE v_total DECIMAL(10,2) DEFAULT 0;
                  SELECT SUM(o.amount) INTO v_total FROM orders o WHERE o.id = p_id;
                  SET amount = v_total;
                  DELETE FROM refunds WHERE order_id = p_id;
                  UPDATE orders SET amount = amount + 1 WHERE id = p_id;
                  CALL shop.audit(p_id);
                END""")).isEqualTo("""
                CREATE PROCEDURE `shop_v2`.order_total(IN p_id INT, OUT amount DECIMAL(10,2))
                BEGIN
                  DECLARE v_total DECIMAL(10,2) DEFAULT 0;
                  SELECT SUM(o.`total_amount`) INTO v_total FROM `orders_2024` o WHERE o.id = p_id;
                  SET amount = v_total;
                  DELETE FROM `archive`.`refunds` WHERE order_id = p_id;
                  UPDATE `orders_2024` SET amount = amount + 1 WHERE id = p_id;
                  CALL `shop_v2`.audit(p_id);
                END""");
    }

    @Test
    void functionBodies() {
        assertThat(rename("CREATE FUNCTION count_big(threshold INT) RETURNS INT DETERMINISTIC READS SQL DATA "
                + "RETURN (SELECT COUNT(*) FROM orders WHERE amount > threshold AND shop.fmt(amount) <> '')"))
                .isEqualTo("CREATE FUNCTION count_big(threshold INT) RETURNS INT DETERMINISTIC READS SQL DATA "
                        + "RETURN (SELECT COUNT(*) FROM `orders_2024` WHERE `total_amount` > threshold AND "
                        + "`shop_v2`.fmt(`total_amount`) <> '')");
    }

    @Test
    void textOutsideTheRewrittenNamesIsKeptByteForByte() {
        String ddl = "/* leading */ CREATE   TABLE\titems ( -- a comment with 'quote\n  id INT /*!80016 INVISIBLE */,"
                + " note VARCHAR(10) DEFAULT \"it's\" COMMENT 'x\\'y' ) # done\n";
        assertThat(rename(ddl)).isEqualTo(ddl);
        assertThat(rename("CREATE TABLE t (b BIT(1) DEFAULT B'1', h INT DEFAULT X'FF', s VARCHAR(5) CHARACTER SET "
                + "utf8mb4 DEFAULT _utf8mb4'é😀')")).contains("DEFAULT _utf8mb4'é😀'");
    }

    @Test
    void casePolicyRewritesEveryName() {
        DdlRenamer lower = new DdlRenamer(NameMapping.parse(List.of("Shop.Orders.Amount=Total"), CasePolicy.LOWER));
        assertThat(lower.rename("CREATE TABLE Orders (ID INT, Amount INT, KEY K1 (ID))", "Shop"))
                .isEqualTo("CREATE TABLE `orders` (`id` INT, `Total` INT, KEY K1 (`id`))");
        DdlRewrite view = lower.rewrite("CREATE VIEW V AS SELECT ID FROM Orders JOIN Items USING (ID)", "Shop");
        assertThat(view.statement()).as("every table maps ID to id, so the bare name is unambiguous")
                .isEqualTo("CREATE VIEW `v` AS SELECT `id` FROM `orders` JOIN `items` USING (`id`)");
        assertThat(view.unresolvedColumns()).isEmpty();
    }

    @Test
    void identityMappingReturnsTheInputUnparsed() {
        String notSql = "this is not SQL at all";
        assertThat(new DdlRenamer(NameMapping.identity()).rename(notSql, null)).isSameAs(notSql);
    }

    @Test
    void unparsableStatementsFailWithTheParserMessageAndTheStatementStart() {
        String ddl = "CREATE TABLE orders (id INT,, amount INT) " + "x".repeat(300);
        assertThatThrownBy(() -> rename(ddl))
                .isInstanceOf(DdlRewriteException.class)
                .hasMessageContaining("cannot parse")
                .hasMessageContaining("line 1:")
                .hasMessageContaining(ddl.substring(0, 200) + "...")
                .hasMessageNotContaining(ddl.substring(0, 201));
    }

    @Test
    void unqualifiedTableWithoutDefaultDatabaseFails() {
        assertThatThrownBy(() -> renamer.rename("DROP TABLE orders", null))
                .isInstanceOf(DdlRewriteException.class)
                .hasMessageContaining("'orders' is not qualified");
        assertThat(renamer.rename("DROP TABLE shop.orders", "")).isEqualTo("DROP TABLE `shop_v2`.`orders_2024`");
    }
}
