package io.ferry.deploy.task;

/**
 * A task file's name pattern ({@code shop.*}, {@code shop.order_?}, {@code *.audit}) turned into the regular
 * expression the connectors and the migrator match whole names with. {@code *} matches any run of characters
 * within one name part, {@code ?} one character; everything else is literal.
 */
final class NamePattern {

    private NamePattern() {
    }

    /**
     * The regex of a {@code db.table} pattern; a pattern without a dot names a whole database.
     *
     * @param parts 2 for tables, 3 for columns
     */
    static String toRegex(String path, String pattern, int parts) {
        String p = pattern.trim();
        if (p.isEmpty() || p.contains(",") || p.contains("`")) {
            throw new TaskFileException(path, "'" + pattern + "' is not a name pattern: use db"
                    + (parts == 3 ? ".table.column" : ".table") + " with * and ? wildcards, no commas");
        }
        String[] split = p.split("\\.", -1);
        if (parts == 2 && split.length == 1) {
            p = p + ".*";
            split = p.split("\\.", -1);
        }
        if (split.length != parts) {
            throw new TaskFileException(path, "'" + pattern + "' must have " + parts + " dot-separated parts ("
                    + (parts == 3 ? "db.table.column" : "db.table") + ")");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < split.length; i++) {
            if (split[i].isEmpty()) {
                throw new TaskFileException(path, "'" + pattern + "' has an empty name part");
            }
            if (i > 0) {
                regex.append("\\.");
            }
            regex.append(part(split[i]));
        }
        return regex.toString();
    }

    private static String part(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? "[^.]*" : "[^.]");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(quote(literal.toString()));
        }
        return regex.toString();
    }

    /** Backslash-escapes regex metacharacters (not \Q..\E: easier to read in a connector config). */
    private static String quote(String literal) {
        return literal.matches("[A-Za-z0-9_$-]*") ? literal
                : literal.replaceAll("([\\\\\\[\\]{}()*+?.^$|])", "\\\\$1");
    }
}
