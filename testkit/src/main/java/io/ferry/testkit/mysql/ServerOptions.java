package io.ferry.testkit.mysql;

import io.ferry.common.server.ServerFlavor;
import java.util.ArrayList;
import java.util.List;

/** The server options every test server gets: Ferry's binlog requirements, UTC, and a small footprint. */
final class ServerOptions {

    private ServerOptions() {
    }

    /** What the precheck demands of a source: row-based, full-image binlog with full table-map metadata. */
    static List<String> binlog(ServerFlavor flavor, int serverId) {
        List<String> options = new ArrayList<>(List.of(
                "--server-id=" + serverId,
                "--log-bin=binlog",
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--binlog-row-metadata=FULL",
                "--default-time-zone=+00:00",
                "--character-set-server=utf8mb4"));
        if (flavor == ServerFlavor.MYSQL) {
            // MariaDB always has GTIDs; MySQL needs them switched on to test the GTID path.
            options.add("--gtid-mode=ON");
            options.add("--enforce-gtid-consistency=ON");
            options.add("--mysqlx=OFF");
        }
        return options;
    }

    /** Two servers and a Connect cluster share 2 cores and a few GB in CI: keep each server small. */
    static List<String> footprint(ServerFlavor flavor) {
        List<String> options = new ArrayList<>(List.of(
                "--innodb-buffer-pool-size=128M",
                "--max-connections=300"));
        if (flavor == ServerFlavor.MARIADB) {
            options.add("--innodb-log-file-size=64M");
        }
        return options;
    }
}
