package io.ferry.sink.it;

import io.ferry.testkit.mysql.MySqlServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A checksum over every row of a table: each row's column values as HEX (so binary, character set and NULL
 * differences all show), in a total order, digested with SHA-256, prefixed with the row count. Equal checksums
 * mean equal content. HEX of a number is the hex of the number rounded to an integer, so DECIMAL and DOUBLE
 * columns are digested as their exact text, and FLOAT widened to DOUBLE first (MariaDB prints a FLOAT with 6
 * significant digits only).
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

    /**
     * {@code table}: db.table; {@code columns}: comma-separated column names or expressions; {@code orderBy}: a
     * total order (the key, or all columns).
     */
    static String of(MySqlServer server, String table, String columns, String orderBy) {
        Map<String, String> types = types(server, table);
        String row = List.of(columns.split(",")).stream().map(String::trim)
                .map(column -> "IFNULL(HEX(" + exact(column, types) + "), 'NULL')")
                .collect(Collectors.joining(", ", "CONCAT_WS('|', ", ")"));
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

    private static String exact(String column, Map<String, String> types) {
        String type = types.get(column.replace("`", "").toLowerCase(Locale.ROOT));
        if (type == null) {
            return column; // an expression: the caller made it exact
        }
        return switch (type) {
            case "decimal", "double" -> "CAST(" + column + " AS CHAR)";
            case "float" -> "CAST(CAST(" + column + " AS DOUBLE) AS CHAR)";
            default -> column;
        };
    }

    private static Map<String, String> types(MySqlServer server, String table) {
        String[] parts = table.replace("`", "").split("\\.", 2);
        Map<String, String> types = new HashMap<>();
        for (List<String> row : server.queryRows("SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = '" + parts[0] + "' AND TABLE_NAME = '" + parts[1] + "'")) {
            types.put(row.get(0).toLowerCase(Locale.ROOT), row.get(1).toLowerCase(Locale.ROOT));
        }
        return types;
    }
}
