package io.ferry.common.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GrantsTest {

    @Test
    void globalAndDatabaseGrantsAreTold() {
        Grants grants = Grants.parse(List.of(
                "GRANT REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `cdc`@`%` IDENTIFIED BY PASSWORD '*AB'",
                "GRANT SELECT, SHOW VIEW ON `shop`.* TO `cdc`@`%`"));

        assertThat(grants.global("REPLICATION SLAVE")).isTrue();
        assertThat(grants.global("replication client")).as("BINLOG MONITOR is MariaDB's REPLICATION CLIENT").isTrue();
        assertThat(grants.global("SELECT")).isFalse();
        assertThat(grants.onDatabase("SELECT", "shop")).isTrue();
        assertThat(grants.onDatabase("SHOW VIEW", "shop")).isTrue();
        assertThat(grants.onDatabase("SELECT", "shop2")).isFalse();
        assertThat(grants.onDatabase("REPLICATION SLAVE", "anything")).as("global counts everywhere").isTrue();
    }

    @Test
    void createIsNotCreateViewNorCreateRoutine() {
        Grants grants = Grants.parse(List.of("GRANT CREATE VIEW, CREATE ROUTINE ON `app`.* TO `u`@`%`"));

        assertThat(grants.onDatabase("CREATE", "app")).isFalse();
        assertThat(grants.onDatabase("CREATE VIEW", "app")).isTrue();
        assertThat(grants.onDatabase("CREATE ROUTINE", "app")).isTrue();
    }

    @Test
    void allPrivilegesCoverEverythingButGrantOption() {
        Grants grants = Grants.parse(List.of("GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost`"));

        assertThat(grants.global("REPLICATION CLIENT")).isTrue();
        assertThat(grants.onDatabase("TRIGGER", "x")).isTrue();
        assertThat(grants.global("GRANT OPTION")).isFalse();
    }

    @Test
    void databaseNamesAreLikePatternsUnlessEscaped() {
        Grants grants = Grants.parse(List.of("GRANT INSERT ON `app\\_%`.* TO `u`@`%`",
                "GRANT DELETE ON `a_c`.* TO `u`@`%`"));

        assertThat(grants.onDatabase("INSERT", "app_eu")).isTrue();
        assertThat(grants.onDatabase("INSERT", "appXeu")).as("escaped underscore is literal").isFalse();
        assertThat(grants.onDatabase("DELETE", "abc")).as("unescaped underscore matches one character").isTrue();
    }

    @Test
    void tableColumnAndRoleGrantsAreNotDatabaseGrants() {
        Grants grants = Grants.parse(List.of("GRANT SELECT (`a`, `b`), INSERT ON `shop`.`orders` TO `u`@`%`",
                "GRANT `reader` TO `u`@`%`", "GRANT USAGE ON *.* TO `u`@`%`"));

        assertThat(grants.onDatabase("SELECT", "shop")).isFalse();
        assertThat(grants.onDatabase("INSERT", "shop")).isFalse();
        assertThat(grants.global("USAGE")).isTrue();
    }

    @Test
    void mysqlDynamicPrivilegesWithUnderscoresParse() {
        Grants grants = Grants.parse(List.of("GRANT SELECT,REPLICATION SLAVE,REPLICATION CLIENT ON *.* TO `u`@`%`",
                "GRANT BACKUP_ADMIN,REPLICATION_SLAVE_ADMIN ON *.* TO `u`@`%`"));

        assertThat(grants.global("REPLICATION CLIENT")).isTrue();
        assertThat(grants.global("BACKUP_ADMIN")).isTrue();
        assertThat(grants.onDatabase("SELECT", "any")).isTrue();
    }
}
