package io.ferry.common.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerFlavorTest {

    @Test
    void readsTheFlavorFromVersionStrings() {
        assertThat(ServerFlavor.fromVersion("11.4.5-MariaDB-log")).isEqualTo(ServerFlavor.MARIADB);
        assertThat(ServerFlavor.fromVersion("/usr/sbin/mariadbd  Ver 10.11.11-MariaDB-0+deb12u1"))
                .isEqualTo(ServerFlavor.MARIADB);
        assertThat(ServerFlavor.fromVersion("8.4.3")).isEqualTo(ServerFlavor.MYSQL);
        assertThat(ServerFlavor.fromVersion("/usr/sbin/mysqld  Ver 8.0.40 for Linux on x86_64 (MySQL"
                + " Community Server - GPL)")).isEqualTo(ServerFlavor.MYSQL);
    }
}
