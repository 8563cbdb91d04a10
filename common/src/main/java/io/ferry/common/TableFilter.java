package io.ferry.common;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which tables a job captures, migrates or applies: include and exclude lists of regular expressions,
 * matched whole and case-sensitively against database names and against {@code db.table}. A table is
 * selected if its database is included (or no database include is given) and not excluded, and the same
 * holds for the table lists. The server's own schemas are never selected.
 */
public final class TableFilter {

    /** Schemas that belong to the server itself. */
    public static final Set<String> SYSTEM_DATABASES =
            Set.of("mysql", "sys", "information_schema", "performance_schema");

    private final List<Pattern> databaseInclude;
    private final List<Pattern> databaseExclude;
    private final List<Pattern> tableInclude;
    private final List<Pattern> tableExclude;

    public TableFilter(List<String> databaseInclude, List<String> databaseExclude, List<String> tableInclude,
                       List<String> tableExclude) {
        this.databaseInclude = compile(databaseInclude);
        this.databaseExclude = compile(databaseExclude);
        this.tableInclude = compile(tableInclude);
        this.tableExclude = compile(tableExclude);
    }

    /** Every user table. */
    public static TableFilter all() {
        return new TableFilter(List.of(), List.of(), List.of(), List.of());
    }

    public boolean includesDatabase(String database) {
        return !SYSTEM_DATABASES.contains(database.toLowerCase(Locale.ROOT))
                && (databaseInclude.isEmpty() || matchesAny(databaseInclude, database))
                && !matchesAny(databaseExclude, database);
    }

    public boolean includes(TableId table) {
        String qualified = table.toString();
        return includesDatabase(table.database())
                && (tableInclude.isEmpty() || matchesAny(tableInclude, qualified))
                && !matchesAny(tableExclude, qualified);
    }

    /** Checks that every entry is a valid regular expression; the message names the bad one. */
    public static void validatePatterns(List<String> patterns) {
        compile(patterns);
    }

    private static List<Pattern> compile(List<String> patterns) {
        return patterns.stream().map(String::trim).filter(p -> !p.isEmpty()).map(p -> {
            try {
                return Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + p + "' is not a valid regular expression: "
                        + e.getDescription(), e);
            }
        }).toList();
    }

    private static boolean matchesAny(List<Pattern> patterns, String name) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }
}
