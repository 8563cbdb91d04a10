package io.ferry.source.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.TableId;
import org.junit.jupiter.api.Test;

class OnlineDdlTest {

    private final OnlineDdl ghost = new OnlineDdl(OnlineDdlMode.GH_OST, "^_(.+)_(?:gho|new)$",
            "^_(.+)_(?:ghc|del|old)$");

    @Test
    void leavesOutShadowAndTrashTablesAndTurnsTheCutOverIntoTheAlter() {
        assertThat(ghost.ignores(TableId.parse("shop._orders_gho"))).isTrue();
        assertThat(ghost.ignores(TableId.parse("shop._orders_ghc"))).isTrue();
        assertThat(ghost.ignores(TableId.parse("shop.orders"))).isFalse();

        assertThat(ghost.translate("CREATE TABLE `_orders_gho` LIKE `orders`", "shop")).isEmpty();
        assertThat(ghost.translate("ALTER TABLE `shop`.`_orders_gho` ADD COLUMN note VARCHAR(20)", null)).isEmpty();
        assertThat(ghost.translate("alter table _orders_gho drop index ix_old", "shop")).isEmpty();
        assertThat(ghost.translate("CREATE TABLE `_orders_ghc` (id INT)", "shop")).isEmpty();
        assertThat(ghost.translate("RENAME TABLE `shop`.`orders` TO `shop`.`_orders_del`,"
                + " `shop`.`_orders_gho` TO `shop`.`orders`", null))
                .contains("ALTER TABLE `shop`.`orders` ADD COLUMN note VARCHAR(20), drop index ix_old");
        assertThat(ghost.translate("DROP TABLE IF EXISTS `_orders_del`", "shop")).isEmpty();
    }

    @Test
    void otherStatementsPassUnchanged() {
        assertThat(ghost.translate("ALTER TABLE orders ADD COLUMN x INT", "shop"))
                .contains("ALTER TABLE orders ADD COLUMN x INT");
        assertThat(ghost.translate("RENAME TABLE a TO b", "shop")).contains("RENAME TABLE a TO b");
        assertThat(ghost.translate("CREATE DATABASE crm", null)).contains("CREATE DATABASE crm");
    }

    @Test
    void withoutGhostModeEverythingPasses() {
        OnlineDdl none = OnlineDdl.none();
        assertThat(none.ignores(TableId.parse("shop._orders_gho"))).isFalse();
        assertThat(none.translate("ALTER TABLE _orders_gho ADD c INT", "shop"))
                .contains("ALTER TABLE _orders_gho ADD c INT");
    }
}
