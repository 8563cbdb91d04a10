package io.ferry.source.event;

import io.ferry.common.AvroNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * A per-table row filter ({@code row.filter.<db>.<table>}): a SQL condition that the snapshot adds to its
 * SELECT, and that the stream evaluates on each row image. The stream side understands a subset of SQL:
 * comparisons ({@code = != <> < <= > >=}) of a column with a number or a quoted string, {@code IS [NOT] NULL},
 * {@code [NOT] IN (...)}, {@code AND}, {@code OR}, {@code NOT} and parentheses. Numbers compare by value;
 * strings compare exactly (binary, case-sensitive), which differs from the snapshot's SELECT under a
 * case-insensitive collation. Date/time, JSON, binary, BIT and SET columns are not supported by the stream side.
 */
public final class RowFilter {

    /** A node of the parsed condition. */
    interface Node {
        boolean test(Struct row);
    }

    private final String sql;
    private final Node root;

    private RowFilter(String sql, Node root) {
        this.sql = sql;
        this.root = root;
    }

    /** Parses {@code sql}; the message of a failure says where and what was expected. */
    public static RowFilter parse(String sql) {
        Parser parser = new Parser(tokens(sql), sql);
        Node root = parser.or();
        parser.expectEnd();
        return new RowFilter(sql.trim(), root);
    }

    /** The condition as written, for the snapshot's WHERE clause. */
    public String sql() {
        return sql;
    }

    /** Whether a row image satisfies the condition. */
    public boolean test(Struct row) {
        return root.test(row);
    }

    private record Token(String text, boolean quoted) {
        boolean is(String keyword) {
            return !quoted && text.equalsIgnoreCase(keyword);
        }
    }

    static List<Token> tokens(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= sql.length()) {
                        throw new IllegalArgumentException("Unterminated string in: " + sql);
                    }
                    if (sql.charAt(i) == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                        text.append('\'');
                        i += 2;
                    } else if (sql.charAt(i) == '\'') {
                        i++;
                        break;
                    } else {
                        text.append(sql.charAt(i++));
                    }
                }
                tokens.add(new Token(text.toString(), true));
            } else if (c == '`') {
                int end = sql.indexOf('`', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("Unterminated `name` in: " + sql);
                }
                tokens.add(new Token(sql.substring(i + 1, end), false));
                i = end + 1;
            } else if ("(),".indexOf(c) >= 0) {
                tokens.add(new Token(String.valueOf(c), false));
                i++;
            } else if ("=<>!".indexOf(c) >= 0) {
                int end = i + 1;
                while (end < sql.length() && "=<>".indexOf(sql.charAt(end)) >= 0) {
                    end++;
                }
                tokens.add(new Token(sql.substring(i, end), false));
                i = end;
            } else {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end))
                        || "_.$-+".indexOf(sql.charAt(end)) >= 0)) {
                    end++;
                }
                if (end == i) {
                    throw new IllegalArgumentException("Unexpected '" + c + "' in: " + sql);
                }
                tokens.add(new Token(sql.substring(i, end), false));
                i = end;
            }
        }
        return tokens;
    }

    /** Recursive descent over the tokens: or := and (OR and)*; and := not (AND not)*; not := NOT not | atom. */
    private static final class Parser {
        private final List<Token> tokens;
        private final String sql;
        private int at;

        Parser(List<Token> tokens, String sql) {
            this.tokens = tokens;
            this.sql = sql;
        }

        Node or() {
            Node left = and();
            while (peekIs("OR")) {
                at++;
                Node a = left;
                Node b = and();
                left = row -> a.test(row) || b.test(row);
            }
            return left;
        }

        Node and() {
            Node left = not();
            while (peekIs("AND")) {
                at++;
                Node a = left;
                Node b = not();
                left = row -> a.test(row) && b.test(row);
            }
            return left;
        }

        Node not() {
            if (peekIs("NOT")) {
                at++;
                Node inner = not();
                return row -> !inner.test(row);
            }
            return atom();
        }

        Node atom() {
            if (peekIs("(")) {
                at++;
                Node inner = or();
                expect(")");
                return inner;
            }
            String column = next("a column name").text();
            if (peekIs("IS")) {
                at++;
                boolean negated = peekIs("NOT");
                if (negated) {
                    at++;
                }
                expect("NULL");
                return row -> (value(row, column) == null) != negated;
            }
            boolean negated = peekIs("NOT");
            if (negated) {
                at++;
            }
            if (peekIs("IN")) {
                at++;
                expect("(");
                List<Object> values = new ArrayList<>();
                values.add(literal(next("a value")));
                while (peekIs(",")) {
                    at++;
                    values.add(literal(next("a value")));
                }
                expect(")");
                return row -> {
                    Object value = value(row, column);
                    return value != null && values.stream().anyMatch(v -> compare(value, v, column) == 0) != negated;
                };
            }
            if (negated) {
                throw error("IN after NOT");
            }
            String op = next("a comparison").text();
            Object literal = literal(next("a value"));
            return switch (op) {
                case "=" -> row -> compareOrFalse(row, column, literal, c -> c == 0);
                case "!=", "<>" -> row -> compareOrFalse(row, column, literal, c -> c != 0);
                case "<" -> row -> compareOrFalse(row, column, literal, c -> c < 0);
                case "<=" -> row -> compareOrFalse(row, column, literal, c -> c <= 0);
                case ">" -> row -> compareOrFalse(row, column, literal, c -> c > 0);
                case ">=" -> row -> compareOrFalse(row, column, literal, c -> c >= 0);
                default -> throw error("a comparison operator, not '" + op + "'");
            };
        }

        private Object literal(Token token) {
            if (token.quoted()) {
                return token.text();
            }
            try {
                return new BigDecimal(token.text());
            } catch (NumberFormatException e) {
                throw error("a number or a 'quoted string', not '" + token.text() + "'");
            }
        }

        void expectEnd() {
            if (at < tokens.size()) {
                throw error("the end, not '" + tokens.get(at).text() + "'");
            }
        }

        private void expect(String text) {
            Token token = next("'" + text + "'");
            if (!token.is(text)) {
                throw error("'" + text + "', not '" + token.text() + "'");
            }
        }

        private Token next(String what) {
            if (at >= tokens.size()) {
                throw error(what + " at the end");
            }
            return tokens.get(at++);
        }

        private boolean peekIs(String text) {
            return at < tokens.size() && tokens.get(at).is(text);
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("Row filter '" + sql + "': expected " + expected);
        }
    }

    private interface Outcome {
        boolean of(int comparison);
    }

    private static boolean compareOrFalse(Struct row, String column, Object literal, Outcome outcome) {
        Object value = value(row, column);
        return value != null && outcome.of(compare(value, literal, column));
    }

    private static Object value(Struct row, String column) {
        for (Field field : row.schema().fields()) {
            if (field.name().equalsIgnoreCase(column)) {
                // Not get(): it would answer a NULL with the field's default.
                return row.getWithoutDefault(field.name());
            }
        }
        // Under field.name.adjustment.mode=avro the field of column `price$` is price_.
        String adjusted = AvroNames.adjust(column);
        for (Field field : row.schema().fields()) {
            if (field.name().equalsIgnoreCase(adjusted)) {
                return row.get(field);
            }
        }
        throw new DataException("Row filter names column '" + column + "', which " + row.schema().name()
                + " does not have");
    }

    static int compare(Object value, Object literal, String column) {
        if (value instanceof Number || value instanceof BigDecimal) {
            if (!(literal instanceof BigDecimal number)) {
                throw new DataException("Row filter compares numeric column '" + column + "' with a string");
            }
            return new BigDecimal(value.toString()).compareTo(number);
        }
        if (value instanceof Boolean flag) {
            return literal instanceof BigDecimal number ? Integer.compare(flag ? 1 : 0, number.intValue())
                    : Boolean.compare(flag, Boolean.parseBoolean(literal.toString().toLowerCase(Locale.ROOT)));
        }
        if (value instanceof String text) {
            return text.compareTo(literal.toString());
        }
        throw new DataException("Row filters on the stream do not support column '" + column + "' of "
                + value.getClass().getSimpleName() + " values (date/time, JSON, binary, BIT, SET)");
    }
}
