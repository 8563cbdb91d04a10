package io.ferry.migrator.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The back-quoted identifiers of a piece of server-written SQL, in order. {@code SHOW CREATE} output quotes every
 * identifier, so this is enough to see which columns an index uses or which tables a view reads, without a
 * parser; string literals are skipped so that {@code DEFAULT 'a `b`'} names nothing.
 */
final class QuotedNames {

    private QuotedNames() {
    }

    /** Each back-quoted name in {@code sql}, unquoted ({@code ``} becomes {@code `}). */
    static List<String> in(String sql) {
        List<Name> names = positions(sql);
        List<String> result = new ArrayList<>(names.size());
        names.forEach(n -> result.add(n.text()));
        return result;
    }

    /** A name and where its quoted form starts and ends (exclusive) in the text. */
    record Name(String text, int start, int end) {
    }

    static List<Name> positions(String sql) {
        List<Name> names = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(sql, i, c);
            } else if (c == '`') {
                StringBuilder name = new StringBuilder();
                int j = i + 1;
                while (j < sql.length()) {
                    if (sql.charAt(j) == '`') {
                        if (j + 1 < sql.length() && sql.charAt(j + 1) == '`') {
                            name.append('`');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    name.append(sql.charAt(j++));
                }
                names.add(new Name(name.toString(), i, Math.min(j + 1, sql.length())));
                i = j + 1;
            } else {
                i++;
            }
        }
        return names;
    }

    /**
     * The index after the string literal or quoted name that starts at {@code start}: doubled quotes escape a
     * quote, and so does a backslash in strings (not in back-quoted names).
     */
    static int skipString(String sql, int start, char quote) {
        int j = start + 1;
        while (j < sql.length()) {
            char c = sql.charAt(j);
            if (c == '\\' && quote != '`') {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return sql.length();
    }
}
