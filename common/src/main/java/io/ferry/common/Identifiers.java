package io.ferry.common;

/** Quoting of MySQL identifiers: the one place that decides how a name is written into SQL. */
public final class Identifiers {

    private Identifiers() {
    }

    /** {@code name} as a quoted identifier: backticks around it, backticks inside doubled. */
    public static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** A string literal for SQL text that cannot use a bind parameter (e.g. SHOW ... LIKE). */
    public static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
