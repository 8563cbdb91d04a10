package io.ferry.migrator.schema;

import io.ferry.common.Identifiers;
import io.ferry.common.TableId;
import io.ferry.common.mapping.NameMapping;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code SHOW GRANTS} line under destination names: the database of {@code ON db.*}, the table of
 * {@code ON db.table} with the columns of column privileges ({@code SELECT (`a`, `b`)}), and the database of
 * {@code ON PROCEDURE db.p}. Lines without an object ({@code GRANT role TO ...}, {@code SET DEFAULT ROLE}) and
 * {@code *.*} grants stay as they are, as do database wildcards ({@code `shop\_%`.*}), which no rule can map.
 */
final class GrantStatement {

    private static final String NAME = "(\\*|`(?:[^`]|``)*`)";
    private static final Pattern ON = Pattern.compile("(?is)^(GRANT\\s+)(.*?)(\\s+ON\\s+)"
            + "((?:TABLE|PROCEDURE|FUNCTION|PACKAGE\\s+BODY|PACKAGE)\\s+)?" + NAME + "\\." + NAME + "(\\s+TO\\s.*)$");

    private GrantStatement() {
    }

    static String rename(String grant, NameMapping mapping) {
        Matcher m = ON.matcher(grant);
        if (!m.matches() || m.group(5).equals("*")) {
            return grant;
        }
        String database = unquote(m.group(5));
        if (database.contains("%") || database.contains("\\_")) {
            return grant;
        }
        String privileges = m.group(2);
        String object;
        if (m.group(6).equals("*")) {
            object = Identifiers.quote(mapping.database(database)) + ".*";
        } else if (m.group(4) != null) {
            object = Identifiers.quote(mapping.database(database)) + "." + m.group(6);
        } else {
            TableId source = new TableId(database, unquote(m.group(6)));
            object = mapping.table(source).quoted();
            privileges = renameColumns(privileges, source, mapping);
        }
        return m.group(1) + privileges + m.group(3) + (m.group(4) == null ? "" : m.group(4)) + object + m.group(7);
    }

    /** The back-quoted names in a privilege list are columns of the granted table. */
    private static String renameColumns(String privileges, TableId table, NameMapping mapping) {
        List<QuotedNames.Name> names = QuotedNames.positions(privileges);
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (QuotedNames.Name name : names) {
            out.append(privileges, at, name.start()).append(Identifiers.quote(mapping.column(table, name.text())));
            at = name.end();
        }
        return out.append(privileges.substring(at)).toString();
    }

    private static String unquote(String quoted) {
        return QuotedNames.in(quoted).get(0);
    }
}
