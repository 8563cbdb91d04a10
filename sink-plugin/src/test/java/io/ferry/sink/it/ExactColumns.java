package io.ferry.sink.it;

import io.ferry.testkit.mysql.MySqlServer;
import java.util.stream.Collectors;

/**
 * The column list to give {@link TableChecksum} so that numbers compare exactly. {@code TableChecksum} digests
 * {@code HEX(column)}, and MySQL's HEX of a number is the hex of the number rounded to an integer: 1.25 and 1.4 in
 * a DECIMAL, FLOAT or DOUBLE column would digest alike. These columns are digested as text instead: DECIMAL and
 * DOUBLE print exactly (DOUBLE as the shortest text that reads back to the same double), and FLOAT is widened to
 * DOUBLE first, since MariaDB prints a FLOAT with 6 significant digits only.
 */
final class ExactColumns {

    private ExactColumns() {
    }

    /** Comma-separated expressions for every column of {@code database.table}, in column order. */
    static String of(MySqlServer server, String database, String table) {
        return server.queryRows("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = '"
                        + database + "' AND table_name = '" + table + "' ORDER BY ordinal_position").stream()
                .map(row -> expression(row.get(0), row.get(1)))
                .collect(Collectors.joining(", "));
    }

    private static String expression(String column, String dataType) {
        return switch (dataType) {
            case "decimal", "double" -> "CAST(" + column + " AS CHAR)";
            case "float" -> "CAST(CAST(" + column + " AS DOUBLE) AS CHAR)";
            default -> column;
        };
    }
}
