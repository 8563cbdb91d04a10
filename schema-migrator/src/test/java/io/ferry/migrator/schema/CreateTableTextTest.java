package io.ferry.migrator.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.common.TableId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Foreign key extraction and column removal on SHOW CREATE TABLE output. */
class CreateTableTextTest {

    private static final TableId ORDERS = new TableId("shop", "orders");

    private static final String MARIADB = """
            CREATE TABLE `orders` (
              `id` int(11) NOT NULL AUTO_INCREMENT,
              `customer_id` int(11) NOT NULL,
              `amount` decimal(10,2) NOT NULL,
              `secret` varchar(20) DEFAULT 'a `b`, c',
              `total` decimal(12,2) GENERATED ALWAYS AS (`amount` * 2) STORED,
              `doc` longtext DEFAULT NULL CHECK (json_valid(`doc`)),
              PRIMARY KEY (`id`),
              KEY `secret` (`customer_id`),
              CONSTRAINT `fk_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE,
              CONSTRAINT `fk_region` FOREIGN KEY (`id`, `amount`) REFERENCES `geo`.`regions` (`a`, `b`),
              CONSTRAINT `chk_amount` CHECK (`amount` >= 0)
            ) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci""";

    @Test
    void foreignKeysAreExtractedWithTheirParentTable() {
        List<ForeignKey> keys = CreateTableText.parse(ORDERS, MARIADB).foreignKeys();

        assertThat(keys).extracting(ForeignKey::name).containsExactly("fk_customer", "fk_region");
        assertThat(keys.get(0).referenced()).isEqualTo(new TableId("shop", "customers"));
        assertThat(keys.get(0).columns()).containsExactly("customer_id");
        assertThat(keys.get(1).referenced()).isEqualTo(new TableId("geo", "regions"));
        assertThat(keys.get(1).columns()).containsExactly("id", "amount");
        assertThat(keys.get(0).addStatement()).isEqualTo("ALTER TABLE `shop`.`orders` ADD CONSTRAINT `fk_customer`"
                + " FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE");
    }

    @Test
    void withoutForeignKeysKeepsEverythingElseAndStaysValid() {
        String text = CreateTableText.parse(ORDERS, MARIADB).withoutForeignKeys().text();

        assertThat(text).doesNotContain("FOREIGN KEY").contains("  KEY `secret` (`customer_id`),\n"
                + "  CONSTRAINT `chk_amount` CHECK (`amount` >= 0)\n) ENGINE=InnoDB AUTO_INCREMENT=5");
        assertThat(CreateTableText.parse(ORDERS, text).text()).isEqualTo(text);
    }

    @Test
    void anUnusedColumnIsRemovedEvenWhenAnIndexIsNamedLikeIt() {
        CreateTableText table = CreateTableText.parse(ORDERS, MARIADB).withoutForeignKeys()
                .withoutColumns(Set.of("SECRET"));

        assertThat(table.columnNames()).containsExactly("id", "customer_id", "amount", "total", "doc");
        assertThat(table.text()).doesNotContain("`secret` varchar");
    }

    @Test
    void aColumnThatSomethingUsesIsRefused() {
        CreateTableText table = CreateTableText.parse(ORDERS, MARIADB);
        assertThatThrownBy(() -> table.withoutColumns(Set.of("amount")))
                .isInstanceOf(ExcludedColumnInUseException.class)
                .hasMessageContaining("Column amount of shop.orders is excluded by column.exclude but `total`");
        assertThatThrownBy(() -> table.withoutForeignKeys().withoutColumns(Set.of("customer_id")))
                .hasMessageContaining("KEY `secret` (`customer_id`) uses it");
        assertThatThrownBy(() -> table.withoutColumns(Set.of("customer_id")))
                .hasMessageContaining("KEY `secret` (`customer_id`) uses it");
        assertThatThrownBy(() -> table.withoutColumns(Set.of("id"))).hasMessageContaining("PRIMARY KEY (`id`)");
    }

    @Test
    void partitioningColumnsCannotBeExcluded() {
        CreateTableText table = CreateTableText.parse(new TableId("shop", "history"), """
                CREATE TABLE `history` (
                  `id` int(11) NOT NULL,
                  `created` date NOT NULL,
                  `p2023` int(11) DEFAULT NULL
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
                 PARTITION BY RANGE (year(`created`))
                (PARTITION `p2023` VALUES LESS THAN (2024) ENGINE = InnoDB,
                 PARTITION `pmax` VALUES LESS THAN MAXVALUE ENGINE = InnoDB)""");

        assertThat(table.withoutColumns(Set.of("p2023")).columnNames()).containsExactly("id", "created");
        assertThatThrownBy(() -> table.withoutColumns(Set.of("created")))
                .hasMessageContaining("the partitioning expression uses it");
    }

    @Test
    void somethingElseIsRejected() {
        assertThatThrownBy(() -> CreateTableText.parse(ORDERS, "CREATE TABLE `orders` (`id` int)"))
                .hasMessageStartingWith("Unexpected SHOW CREATE TABLE output for shop.orders");
    }
}
