package io.ferry.bench;

import io.ferry.testkit.mysql.MySqlServer;
import java.util.List;

/**
 * Row count and an order-independent checksum of every column of a table, to check after each run that the
 * destination holds exactly what the source held: a benchmark that applied the wrong rows quickly would
 * otherwise look good.
 */
record TableDigest(long rows, String checksum) {

    static TableDigest of(MySqlServer server, String database, String table) {
        List<String> columns = server.queryRows("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE"
                + " TABLE_SCHEMA = '" + database + "' AND TABLE_NAME = '" + table + "' ORDER BY ORDINAL_POSITION")
                .stream().map(row -> "`" + row.get(0) + "`").toList();
        return of(server, database, table, columns);
    }

    /** The digest over the named (quoted) columns only: a destination may carry columns the source lacks. */
    static TableDigest of(MySqlServer server, String database, String table, List<String> quotedColumns) {
        List<String> row = server.queryRows("SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', "
                + String.join(", ", quotedColumns) + "))), 0) FROM `" + database + "`.`" + table + "`").get(0);
        return new TableDigest(Long.parseLong(row.get(0)), row.get(1));
    }

    /** Fails naming the scenario if {@code actual} differs from this digest. */
    void check(TableDigest actual, String scenario) {
        if (!equals(actual)) {
            throw new IllegalStateException(scenario + " left the destination with " + actual + ", expected " + this);
        }
    }
}
