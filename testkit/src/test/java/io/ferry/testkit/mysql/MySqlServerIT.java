package io.ferry.testkit.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two private servers at once, configured the way Ferry requires, and cleaned up afterwards. */
class MySqlServerIT {

    @RegisterExtension
    static final MySqlServer SOURCE = MySqlServer.forRole("source").build();

    @RegisterExtension
    static final MySqlServer DESTINATION = MySqlServer.forRole("destination").build();

    @Test
    void bothServersRunOnTheirOwnPortsWithDistinctServerIds() {
        assertThat(SOURCE.port()).isNotEqualTo(DESTINATION.port());
        assertThat(SOURCE.variable("server_id")).isNotEqualTo(DESTINATION.variable("server_id"));
    }

    @Test
    void binlogIsConfiguredAsFerryRequires() {
        for (MySqlServer server : List.of(SOURCE, DESTINATION)) {
            assertThat(server.variable("log_bin")).isEqualTo("ON");
            assertThat(server.variable("binlog_format")).isEqualTo("ROW");
            assertThat(server.variable("binlog_row_image")).isEqualTo("FULL");
            assertThat(server.variable("binlog_row_metadata")).isEqualTo("FULL");
            assertThat(server.queryString("SELECT @@global.time_zone")).isIn("+00:00", "UTC");
        }
    }

    @Test
    void rowChangesReachTheBinlogAsRowEvents() {
        String db = SOURCE.createDatabase("binlog_probe");
        SOURCE.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, v VARCHAR(10))",
                "INSERT INTO `" + db + "`.t VALUES (1, 'a')");
        // SHOW BINARY LOGS works on MariaDB and on every MySQL; SHOW MASTER STATUS is gone in MySQL 8.4.
        List<List<String>> logs = SOURCE.queryRows("SHOW BINARY LOGS");
        String current = logs.get(logs.size() - 1).get(0);
        List<String> eventTypes = SOURCE.queryRows("SHOW BINLOG EVENTS IN '" + current + "'").stream()
                .map(row -> row.get(2)).toList();
        assertThat(eventTypes).contains("Table_map").anyMatch(type -> type.startsWith("Write_rows"));
    }

    @Test
    void aStoppedServerLeavesNothingBehind() throws Exception {
        Path dir;
        try (MySqlServer scratch = MySqlServer.forRole("scratch").build().start()) {
            assertThat(scratch.queryString("SELECT 1")).isEqualTo("1");
            dir = Path.of(scratch.queryString("SELECT @@datadir")).getParent();
            assertThat(dir).exists();
        }
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void queryingAStoppedServerFailsClearly() {
        MySqlServer never = MySqlServer.forRole("never-started").build();
        assertThatThrownBy(never::port).hasMessageContaining("never-started server is not started");
    }
}
