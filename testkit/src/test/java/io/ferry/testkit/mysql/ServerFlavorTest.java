package io.ferry.testkit.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerFlavorTest {

    @Test
    void readsTheFlavorFromVersionStrings() {
        assertThat(ServerFlavor.fromVersionText("11.4.5-MariaDB-log")).isEqualTo(ServerFlavor.MARIADB);
        assertThat(ServerFlavor.fromVersionText("/usr/sbin/mariadbd  Ver 10.11.11-MariaDB-0+deb12u1"))
                .isEqualTo(ServerFlavor.MARIADB);
        assertThat(ServerFlavor.fromVersionText("8.4.3")).isEqualTo(ServerFlavor.MYSQL);
        assertThat(ServerFlavor.fromVersionText("/usr/sbin/mysqld  Ver 8.0.40 for Linux on x86_64 (MySQL"
                + " Community Server - GPL)")).isEqualTo(ServerFlavor.MYSQL);
    }

    @Test
    void environmentPrefixFollowsTheRole() {
        assertThat(ExternalServer.envPrefix("source")).isEqualTo("FERRY_TEST_SOURCE_");
        assertThat(ExternalServer.envPrefix("bench-destination")).isEqualTo("FERRY_TEST_BENCH_DESTINATION_");
    }
}
