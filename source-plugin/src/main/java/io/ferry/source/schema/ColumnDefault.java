package io.ferry.source.schema;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A column's DEFAULT as {@code information_schema.COLUMNS} describes it, reduced to what a Connect field schema
 * can carry. The converters turn it into the field's default value (see {@code ColumnConverters}); binlog table
 * maps carry no defaults, so the stream takes them from information_schema too.
 *
 * @param kind what the DEFAULT clause is
 * @param text the literal's value with quotes and escapes removed ({@code LITERAL}), the bit digits ({@code BITS}),
 *             the expression as the server prints it ({@code EXPRESSION}); null otherwise
 */
public record ColumnDefault(Kind kind, String text) {

    /** The kinds of DEFAULT clause that lead to different field schema defaults. */
    public enum Kind {
        /** No DEFAULT clause, or DEFAULT NULL: the field schema has no default. */
        NONE,
        /** A constant: a number, a quoted string or date. */
        LITERAL,
        /** A bit-value literal {@code b'101'}, as the server prints BIT defaults. */
        BITS,
        /** CURRENT_TIMESTAMP (or NOW()), with or without fraction digits and ON UPDATE. */
        CURRENT_TIMESTAMP,
        /** Any other expression, e.g. {@code (1 + 1)}: evaluated per row, so no schema default (as Debezium). */
        EXPRESSION
    }

    public static final ColumnDefault NONE = new ColumnDefault(Kind.NONE, null);

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern BIT_VALUE = Pattern.compile("[bB]'([01]*)'");
    private static final Pattern NOW = Pattern.compile(
            "(current_timestamp|now|localtimestamp|localtime)\\s*(\\(\\s*\\d?\\s*\\))?", Pattern.CASE_INSENSITIVE);

    public static ColumnDefault literal(String text) {
        return new ColumnDefault(Kind.LITERAL, text);
    }

    /**
     * The DEFAULT of a column from {@code COLUMN_DEFAULT} and {@code EXTRA}. MariaDB (10.2.7+) prints the clause
     * as SQL: {@code NULL} for DEFAULT NULL, quoted strings with SQL escapes, bare numbers, {@code b'1'}, and
     * expressions as text. MySQL 8 prints the literal's value unquoted, SQL NULL for DEFAULT NULL, and marks
     * expressions (CURRENT_TIMESTAMP included) with {@code DEFAULT_GENERATED} in EXTRA.
     */
    public static ColumnDefault fromInformationSchema(String columnDefault, String extra, boolean mariaDb) {
        if (columnDefault == null) {
            return NONE;
        }
        String text = columnDefault.trim();
        if (BIT_VALUE.matcher(text).matches()) {
            return new ColumnDefault(Kind.BITS, text.substring(2, text.length() - 1));
        }
        if (mariaDb) {
            if (text.equalsIgnoreCase("NULL")) {
                return NONE;
            }
            if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
                return literal(unescape(columnDefault.substring(columnDefault.indexOf('\'') + 1,
                        columnDefault.lastIndexOf('\''))));
            }
            return NUMBER.matcher(text).matches() ? literal(text) : expression(text);
        }
        boolean generated = extra != null && extra.toUpperCase(Locale.ROOT).contains("DEFAULT_GENERATED");
        return generated ? expression(text) : literal(columnDefault);
    }

    private static ColumnDefault expression(String text) {
        return new ColumnDefault(NOW.matcher(text).matches() ? Kind.CURRENT_TIMESTAMP : Kind.EXPRESSION, text);
    }

    /** The value of the inside of a single-quoted SQL string: {@code ''} and backslash escapes resolved. */
    static String unescape(String quoted) {
        StringBuilder value = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\'' && i + 1 < quoted.length() && quoted.charAt(i + 1) == '\'') {
                value.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < quoted.length()) {
                char next = quoted.charAt(++i);
                value.append(switch (next) {
                    case '0' -> "\0";
                    case 'b' -> "\b";
                    case 'n' -> "\n";
                    case 'r' -> "\r";
                    case 't' -> "\t";
                    case 'Z' -> "\u001A";
                    // MySQL keeps the backslash of \% and \_ (they are LIKE escapes).
                    case '%', '_' -> "\\" + next;
                    default -> String.valueOf(next);
                });
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }
}
