package io.ferry.migrator.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the source's accounts out of object definitions, as DTS does, because accounts are not migrated: a view
 * or routine whose {@code DEFINER} does not exist on the destination fails when used. {@code DEFINER} is removed
 * (the object then belongs to the migration account), and views and routines get {@code SQL SECURITY INVOKER},
 * so that they run with the rights of whoever uses them rather than those of the migration account. Triggers and
 * events have no SQL SECURITY: they always run as their definer, here the migration account.
 *
 * <p>Works on {@code SHOW CREATE} output, whose header and routine characteristics have a fixed layout.
 */
final class DefinerClause {

    private static final String QUOTED = "(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[\\w$.%-]+)";
    /** {@code CREATE [OR REPLACE] [ALGORITHM=x] DEFINER=user@host } at the start of a definition. */
    private static final Pattern DEFINER = Pattern.compile("(?is)^(\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?"
            + "(?:ALGORITHM\\s*=\\s*\\w+\\s+)?)DEFINER\\s*=\\s*(?:CURRENT_USER(?:\\s*\\(\\s*\\))?|" + QUOTED
            + "(?:\\s*@\\s*" + QUOTED + ")?)\\s+");
    private static final Pattern VIEW_SECURITY = Pattern.compile("(?is)^(\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?"
            + "(?:ALGORITHM\\s*=\\s*\\w+\\s+)?)(?:SQL\\s+SECURITY\\s+\\w+\\s+)?(VIEW\\s)");
    /** The characteristics servers print, one per line, between a routine's parameters and its body. */
    private static final Pattern CHARACTERISTIC = Pattern.compile("(?i)^\\s+(LANGUAGE\\s+SQL|NOT\\s+DETERMINISTIC"
            + "|DETERMINISTIC|CONTAINS\\s+SQL|NO\\s+SQL|READS\\s+SQL\\s+DATA|MODIFIES\\s+SQL\\s+DATA"
            + "|SQL\\s+SECURITY\\s+\\w+|COMMENT\\s.*)\\s*$");
    private static final Pattern EVENT_STATUS = Pattern.compile("(?is)(\\bON\\s+COMPLETION\\s+(?:NOT\\s+)?PRESERVE\\s+)"
            + "(?:ENABLE|DISABLE(?:\\s+ON\\s+(?:SLAVE|REPLICA))?)\\b");
    private static final String INVOKER_LINE = "    SQL SECURITY INVOKER";

    private DefinerClause() {
    }

    /** The definition without its {@code DEFINER=...} clause (unchanged when it has none). */
    static String strip(String definition) {
        Matcher m = DEFINER.matcher(definition);
        return m.find() ? m.group(1) + definition.substring(m.end()) : definition;
    }

    /** A view without definer, with {@code SQL SECURITY INVOKER}. */
    static String view(String showCreateView) {
        String stripped = strip(showCreateView);
        Matcher m = VIEW_SECURITY.matcher(stripped);
        if (!m.find()) {
            throw new IllegalArgumentException("Cannot find the VIEW keyword in: " + shorten(stripped));
        }
        return m.group(1) + "SQL SECURITY INVOKER " + m.group(2) + stripped.substring(m.end());
    }

    /**
     * A procedure or function without definer, with {@code SQL SECURITY INVOKER} where servers print it: after the
     * data access and DETERMINISTIC lines, before COMMENT. Servers end the parameter list (or the RETURNS type)
     * with a newline, then print one characteristic per line, then the body.
     */
    static String routine(String showCreateRoutine) {
        String stripped = strip(showCreateRoutine);
        int close = parameterListEnd(stripped);
        int newline = stripped.indexOf('\n', close);
        if (newline < 0) {
            throw new IllegalArgumentException("Cannot find where the characteristics start in: "
                    + shorten(stripped));
        }
        List<String> lines = new ArrayList<>(stripped.substring(newline + 1).lines().toList());
        int end = 0;
        while (end < lines.size() && CHARACTERISTIC.matcher(lines.get(end)).matches()) {
            end++;
        }
        List<String> characteristics = new ArrayList<>(lines.subList(0, end));
        characteristics.removeIf(l -> l.strip().toUpperCase(Locale.ROOT).startsWith("SQL"));
        int at = characteristics.size();
        for (int i = 0; i < characteristics.size(); i++) {
            if (characteristics.get(i).strip().toUpperCase(Locale.ROOT).startsWith("COMMENT")) {
                at = i;
                break;
            }
        }
        characteristics.add(at, INVOKER_LINE);
        List<String> body = lines.subList(end, lines.size());
        String rest = String.join("\n", characteristics) + "\n" + String.join("\n", body);
        return stripped.substring(0, newline + 1) + rest;
    }

    /** A trigger without definer: it then runs as the migration account. */
    static String trigger(String showCreateTrigger) {
        return strip(showCreateTrigger);
    }

    /**
     * An event without definer and DISABLEd, so that it does not run on the destination while the source's event
     * still writes the rows that replication brings: enable it at cutover.
     */
    static String disabledEvent(String showCreateEvent) {
        Matcher m = EVENT_STATUS.matcher(strip(showCreateEvent));
        return m.find() ? m.replaceFirst("$1DISABLE") : strip(showCreateEvent);
    }

    /** The index of the closing parenthesis of the first parameter list, skipping strings, names and comments. */
    private static int parameterListEnd(String sql) {
        int depth = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = QuotedNames.skipString(sql, i, c);
                continue;
            }
            if (c == '-' && sql.startsWith("-- ", i) || c == '#') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? sql.length() : eol;
                continue;
            }
            if (c == '/' && sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? sql.length() : close + 2;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0 && --depth == 0) {
                return i;
            }
            i++;
        }
        throw new IllegalArgumentException("Cannot find the parameter list in: " + shorten(sql));
    }

    private static String shorten(String sql) {
        return sql.length() > 200 ? sql.substring(0, 200) + "..." : sql;
    }
}
