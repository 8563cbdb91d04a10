package io.ferry.common.ddl;

import io.ferry.common.mapping.CasePolicy;
import io.ferry.common.mapping.NameMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statements as servers and tools write them: SHOW CREATE output, gh-ost cut-overs, MariaDB-only syntax. */
class ServerOutputRenameTest {

    private final DdlRenamer renamer = new DdlRenamer(NameMapping.parse(List.of(
            "shop=shop_v2", "shop.orders.amount=total_amount"), CasePolicy.AS_SOURCE));

    @Test
    void mariaDbShowCreateTable() {
        assertThat(renamer.rename("""
                CREATE TABLE `orders` (
                  `id` bigint(20) NOT NULL AUTO_INCREMENT,
                  `amount` decimal(10,2) NOT NULL DEFAULT 0.00,
                  `doc` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`doc`)),
                  `created` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
                  `total` decimal(12,2) GENERATED ALWAYS AS (`amount` * 2) STORED,
                  `flags` bit(3) DEFAULT b'101',
                  PRIMARY KEY (`id`),
                  KEY `idx_amount` (`amount`)
                ) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci""", "shop"))
                .contains("`total_amount` decimal(10,2) NOT NULL DEFAULT 0.00,")
                .contains("GENERATED ALWAYS AS (`total_amount` * 2) STORED")
                .contains("KEY `idx_amount` (`total_amount`)")
                .contains("CHECK (json_valid(`doc`))");
    }

    @Test
    void mariaDbShowCreateViewWithFullyQualifiedColumns() {
        assertThat(renamer.rename("CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER "
                + "VIEW `v_orders` AS select `shop`.`orders`.`id` AS `id`,`shop`.`orders`.`amount` AS `amount` "
                + "from `shop`.`orders` where `shop`.`orders`.`amount` > 10", "shop"))
                .isEqualTo("CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER "
                        + "VIEW `v_orders` AS select `shop_v2`.`orders`.`id` AS `id`,"
                        + "`shop_v2`.`orders`.`total_amount` AS `amount` "
                        + "from `shop_v2`.`orders` where `shop_v2`.`orders`.`total_amount` > 10");
    }

    @Test
    void mySqlShowCreateViewWithAliases() {
        assertThat(renamer.rename("CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER "
                + "VIEW `v` AS select `o`.`id` AS `id`,`o`.`amount` AS `amount` from `shop`.`orders` `o`", "shop"))
                .endsWith("select `o`.`id` AS `id`,`o`.`total_amount` AS `amount` from `shop_v2`.`orders` `o`");
    }

    @Test
    void ghostCutOverRename() {
        assertThat(renamer.rename("rename /* gh-ost */ table `shop`.`orders` to `shop`.`_orders_del`, "
                + "`shop`.`_orders_gho` to `shop`.`orders`", "shop"))
                .isEqualTo("rename /* gh-ost */ table `shop_v2`.`orders` to `shop_v2`.`_orders_del`, "
                        + "`shop_v2`.`_orders_gho` to `shop_v2`.`orders`");
    }

    @Test
    void versionCommentsAreParsedAsCode() {
        assertThat(renamer.rename("CREATE TABLE orders (amount INT) /*!50100 PARTITION BY HASH (amount) */",
                "shop")).isEqualTo("CREATE TABLE orders (`total_amount` INT) /*!50100 PARTITION BY HASH "
                + "(`total_amount`) */");
    }

    /** Known limit of the MySQL grammar: these fail loudly rather than being half rewritten. */
    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE OR REPLACE TABLE orders (amount INT)",
        "ALTER TABLE orders ADD COLUMN IF NOT EXISTS amount INT",
        "CREATE TABLE orders (amount INT, t INT AS (amount + 1) PERSISTENT)",
        "CREATE TABLE orders (amount INT) WITH SYSTEM VERSIONING",
        "CREATE SEQUENCE shop.s START WITH 1",
        "CREATE TABLE orders (amount INT) ENGINE=Aria PAGE_CHECKSUM=1 TRANSACTIONAL=1",
    })
    void mariaDbOnlySyntaxIsRejected(String ddl) {
        assertThatThrownBy(() -> renamer.rename(ddl, "shop")).isInstanceOf(DdlRewriteException.class)
                .hasMessageContaining(ddl);
    }
}
