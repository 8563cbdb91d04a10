package io.ferry.sink.it;

import io.ferry.testkit.mysql.MySqlServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A checksum over every row of a table: each row's column values as the server's HEX (so binary, character set
 * and NULL differences all show), in a total order, digested with SHA-256, prefixed with the row count. Equal
 * checksums mean equal content.
 */
final class TableChecksum {

    private TableChecksum() {
    }

    /** Over every column of {@code db.table}, in column order. */
    static String ofAllColumns(MySqlServer server, String db, String table, String orderBy) {
        String columns = server.queryString("SELECT GROUP_CONCAT(CONCAT('`', COLUMN_NAME, '`') ORDER BY"
                + " ORDINAL_POSITION) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + db
                + "' AND TABLE_NAME = '" + table + "'");
        return of(server, "`" + db + "`.`" + table + "`", columns, orderBy);
    }

    /** {@code columns}: comma-separated column names; {@code orderBy}: a total order (the key, or all columns). */
    static String of(MySqlServer server, String table, String columns, String orderBy) {
        StringBuilder row = new StringBuilder("CONCAT_WS('|'");
        for (String column : columns.split(",")) {
            row.append(", IFNULL(HEX(").append(column.trim()).append("), 'NULL')");
        }
        row.append(')');
        List<List<String>> rows = server.queryRows("SELECT " + row + " FROM " + table + " ORDER BY " + orderBy);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (List<String> values : rows) {
                digest.update(values.get(0).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return rows.size() + ":" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
