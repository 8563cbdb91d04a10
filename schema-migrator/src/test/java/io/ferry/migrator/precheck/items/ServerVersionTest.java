package io.ferry.migrator.precheck.items;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.server.Finding.Severity;
import io.ferry.common.server.ServerFlavor;
import org.junit.jupiter.api.Test;

class ServerVersionTest {

    @Test
    void parsesMySqlAndMariaDbVersionStrings() {
        assertThat(ServerVersion.parse("11.4.5-MariaDB-log")).extracting(ServerVersion::flavor, ServerVersion::major,
                ServerVersion::minor, ServerVersion::patch).containsExactly(ServerFlavor.MARIADB, 11, 4, 5);
        assertThat(ServerVersion.parse("8.0.36")).extracting(ServerVersion::flavor, ServerVersion::major)
                .containsExactly(ServerFlavor.MYSQL, 8);
        assertThat(ServerVersion.parse("5.5.5-10.6.12-MariaDB").major()).isEqualTo(10);
    }

    @Test
    void sameFlavorNotOlderPasses() {
        assertThat(severity("8.0.36", "8.4.2")).isEqualTo(Severity.PASS);
        assertThat(severity("10.11.6-MariaDB", "11.4.5-MariaDB")).isEqualTo(Severity.PASS);
        assertThat(severity("8.0.36", "8.0.20")).as("patch releases do not count").isEqualTo(Severity.PASS);
    }

    @Test
    void anOlderDestinationOrAnotherFlavorWarns() {
        assertThat(severity("8.4.2", "8.0.36")).isEqualTo(Severity.WARNING);
        assertThat(ServerVersion.compatibility(ServerVersion.parse("8.0.36"),
                ServerVersion.parse("11.4.5-MariaDB")).message())
                .startsWith("MySQL 8.0.36 to MariaDB 11.4.5: JSON columns become LONGTEXT");
        assertThat(severity("11.4.5-MariaDB", "8.0.36")).isEqualTo(Severity.WARNING);
    }

    private static Severity severity(String source, String destination) {
        return ServerVersion.compatibility(ServerVersion.parse(source), ServerVersion.parse(destination)).severity();
    }
}
