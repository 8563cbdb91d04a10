package io.ferry.source.event;

import io.ferry.common.TableId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table a DDL statement is about, for the {@code tableName} of schema-change events: the first table
 * named by CREATE/ALTER/DROP/TRUNCATE/RENAME TABLE (and CREATE INDEX ... ON). Other statements (views,
 * routines, databases) name no table. Replay does not depend on this: the sink parses the DDL itself.
 */
public final class DdlTables {

    /** An identifier, quoted (group 1, with doubled backticks) or plain (group 2); see {@link #unquote}. */
    public static final String IDENTIFIER = "(?:`((?:[^`]|``)+)`|([\\w$]+))";
    private static final String NAME = IDENTIFIER;
    private static final Pattern TABLE_STATEMENT = Pattern.compile(
            "^\\s*(?:CREATE(?:\\s+OR\\s+REPLACE)?(?:\\s+TEMPORARY)?\\s+TABLE(?:\\s+IF\\s+NOT\\s+EXISTS)?"
                    + "|ALTER(?:\\s+ONLINE|\\s+IGNORE)*\\s+TABLE|DROP(?:\\s+TEMPORARY)?\\s+TABLE(?:\\s+IF\\s+EXISTS)?"
                    + "|TRUNCATE(?:\\s+TABLE)?|RENAME\\s+TABLE"
                    + "|CREATE(?:\\s+UNIQUE|\\s+FULLTEXT|\\s+SPATIAL)?\\s+INDEX\\s+" + NAME + "\\s+ON)"
                    + "\\s+" + NAME + "(?:\\s*\\.\\s*" + NAME + ")?",
            Pattern.CASE_INSENSITIVE);

    private DdlTables() {
    }

    public static Optional<TableId> tableOf(String ddl, String defaultDatabase) {
        Matcher m = TABLE_STATEMENT.matcher(ddl);
        if (!m.find()) {
            return Optional.empty();
        }
        String first = unquote(m.group(3), m.group(4));
        String second = unquote(m.group(5), m.group(6));
        if (second != null) {
            return Optional.of(new TableId(first, second));
        }
        return defaultDatabase == null || defaultDatabase.isEmpty() ? Optional.empty()
                : Optional.of(new TableId(defaultDatabase, first));
    }

    /** The name matched by the two groups of {@link #IDENTIFIER}, or null if neither matched. */
    public static String unquote(String quoted, String plain) {
        return quoted != null ? quoted.replace("``", "`") : plain;
    }
}
