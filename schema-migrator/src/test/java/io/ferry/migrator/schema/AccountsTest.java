package io.ferry.migrator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.mapping.CasePolicy;
import io.ferry.common.mapping.NameMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Account patterns, grant renaming and hiding password hashes. */
class AccountsTest {

    private static final NameMapping MAPPING = NameMapping.parse(List.of("shop=shop_v2", "shop.orders=orders_2024",
            "shop.orders.amount=total_amount"), CasePolicy.AS_SOURCE);

    @Test
    void patternsUseLikeWildcards() {
        AccountPattern app = AccountPattern.parse("app_%@10.0.%");
        assertThat(app.matches("app_ro", "10.0.3.4")).isTrue();
        assertThat(app.matches("app_ro", "10.1.3.4")).isFalse();
        assertThat(app.matches("APP_ro", "10.0.3.4")).isFalse();
        assertThat(AccountPattern.parse("'report'@'%'").matches("report", "anywhere")).isTrue();
        assertThat(AccountPattern.parse("analyst").matches("analyst", "")).isTrue();
        assertThat(AccountPattern.parse("a.b@localhost").matches("axb", "localhost")).isFalse();
        assertThat(AccountPattern.parse("x@LOCALHOST").matches("x", "localhost")).isTrue();
    }

    @Test
    void grantsFollowTheMapping() {
        assertThat(GrantStatement.rename("GRANT SELECT, INSERT ON `shop`.* TO `app`@`%`", MAPPING))
                .isEqualTo("GRANT SELECT, INSERT ON `shop_v2`.* TO `app`@`%`");
        assertThat(GrantStatement.rename("GRANT SELECT (`id`, `amount`), UPDATE (`amount`) ON `shop`.`orders` TO"
                + " `app`@`%` WITH GRANT OPTION", MAPPING)).isEqualTo("GRANT SELECT (`id`, `total_amount`), UPDATE"
                + " (`total_amount`) ON `shop_v2`.`orders_2024` TO `app`@`%` WITH GRANT OPTION");
        assertThat(GrantStatement.rename("GRANT EXECUTE ON PROCEDURE `shop`.`add_order` TO `app`@`%`", MAPPING))
                .isEqualTo("GRANT EXECUTE ON PROCEDURE `shop_v2`.`add_order` TO `app`@`%`");
    }

    @Test
    void grantsWithoutAMappableObjectStayAsTheyAre() {
        for (String grant : List.of("GRANT USAGE ON *.* TO `app`@`%` IDENTIFIED BY PASSWORD '*AB12'",
                "GRANT `analyst` TO `app`@`%`", "SET DEFAULT ROLE `analyst` FOR `app`@`%`",
                "GRANT SELECT ON `shop\\_%`.* TO `app`@`%`", "GRANT SELECT ON `other`.* TO `app`@`%`")) {
            assertThat(GrantStatement.rename(grant, MAPPING)).isEqualTo(grant);
        }
    }

    @Test
    void passwordHashesAreHiddenFromTheDryRunScript() {
        assertThat(SchemaCopyReport.hideSecrets("CREATE USER `app`@`%` IDENTIFIED BY PASSWORD '*D8218' WITH"
                + " MAX_QUERIES_PER_HOUR 10")).isEqualTo("CREATE USER `app`@`%` IDENTIFIED BY PASSWORD '<hidden>'"
                + " WITH MAX_QUERIES_PER_HOUR 10");
        assertThat(SchemaCopyReport.hideSecrets("CREATE USER 'a'@'%' IDENTIFIED WITH 'caching_sha2_password' AS"
                + " 0x244124303035 REQUIRE NONE")).isEqualTo("CREATE USER 'a'@'%' IDENTIFIED WITH"
                + " 'caching_sha2_password' AS '<hidden>' REQUIRE NONE");
        assertThat(SchemaCopyReport.hideSecrets("CREATE USER `s`@`localhost` IDENTIFIED VIA unix_socket"))
                .isEqualTo("CREATE USER `s`@`localhost` IDENTIFIED VIA unix_socket");
    }
}
