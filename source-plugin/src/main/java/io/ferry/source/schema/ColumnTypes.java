package io.ferry.source.schema;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Builds {@link ColumnType}s from the server's descriptions of a column. */
public final class ColumnTypes {

    /** Types whose {@link ColumnType#length()} is kept: character and byte lengths, and bit counts. */
    private static final Set<String> LENGTH_TYPES = Set.of("char", "varchar", "binary", "varbinary", "bit");
    private static final Set<String> FSP_TYPES = Set.of("time", "datetime", "timestamp");

    private ColumnTypes() {
    }

    /**
     * From a binlog TABLE_MAP event with {@code binlog_row_metadata=FULL} metadata: the type of every column, in
     * column order, equal to {@link #fromInformationSchema} for the same columns. MariaDB's JSON is LONGTEXT
     * with a check constraint and comes out as {@code longtext} (see {@link BinlogTableDefs}).
     */
    public static List<ColumnType> fromTableMap(TableMapEventData tableMap) {
        return new TableMapColumnTypes(tableMap).columnTypes();
    }

    /** MariaDB's JSON: a LONGTEXT column that a {@code json_valid} check constraint restricts to JSON. */
    static ColumnType asMariaDbJson(ColumnType longText) {
        return new ColumnType("json", false, 0, 0, 0, 0, longText.charset(), List.of());
    }

    /**
     * From a row of {@code information_schema.COLUMNS} selected as in {@link TableDefReader}: DATA_TYPE (2),
     * COLUMN_TYPE (3), CHARACTER_MAXIMUM_LENGTH (5), NUMERIC_PRECISION (6), NUMERIC_SCALE (7),
     * DATETIME_PRECISION (8), CHARACTER_SET_NAME (9).
     */
    static ColumnType fromInformationSchema(ResultSet rs) throws SQLException {
        String dataType = rs.getString(2).toLowerCase(Locale.ROOT);
        String columnType = rs.getString(3).toLowerCase(Locale.ROOT);
        boolean unsigned = columnType.contains(" unsigned");
        long length = rs.getLong(5);
        int precision = rs.getInt(6);
        int scale = rs.getInt(7);
        int fsp = rs.getInt(8);
        String charset = rs.getString(9);
        if (dataType.equals("bit")) {
            length = precision; // information_schema reports BIT(n) as NUMERIC_PRECISION n
        }
        if (!dataType.equals("decimal")) {
            precision = 0;
            scale = 0;
        }
        if (!FSP_TYPES.contains(dataType)) {
            fsp = 0;
        }
        if (!LENGTH_TYPES.contains(dataType)) {
            // The binlog cannot tell these lengths (TEXT sizes count bytes or characters depending on the
            // server); no mapping depends on them, so both sources leave them out.
            length = 0;
        }
        if ((dataType.equals("binary") || dataType.equals("varbinary")) && length == 0) {
            length = parseLength(columnType);
        }
        List<String> values = dataType.equals("enum") || dataType.equals("set")
                ? parseValues(rs.getString(3)) : List.of();
        return new ColumnType(dataType, unsigned, length, precision, scale, fsp, charset, values);
    }

    private static long parseLength(String columnType) {
        int open = columnType.indexOf('(');
        int close = columnType.indexOf(')');
        return open < 0 || close < open ? 0 : Long.parseLong(columnType.substring(open + 1, close).trim());
    }

    /** The quoted values of {@code enum('a','b''c')} or {@code set(...)}, unescaped. */
    static List<String> parseValues(String columnType) {
        List<String> values = new ArrayList<>();
        int i = columnType.indexOf('(') + 1;
        StringBuilder current = null;
        while (i < columnType.length()) {
            char c = columnType.charAt(i);
            if (current == null) {
                if (c == '\'') {
                    current = new StringBuilder();
                }
            } else if (c == '\'' && i + 1 < columnType.length() && columnType.charAt(i + 1) == '\'') {
                current.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < columnType.length()) {
                current.append(columnType.charAt(i + 1));
                i++;
            } else if (c == '\'') {
                values.add(current.toString());
                current = null;
            } else {
                current.append(c);
            }
            i++;
        }
        return values;
    }
}
