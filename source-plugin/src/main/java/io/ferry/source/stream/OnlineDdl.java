package io.ferry.source.stream;

import io.ferry.common.TableId;
import io.ferry.source.event.DdlTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes gh-ost-style online schema changes look like the plain ALTER they stand for. Such a tool builds a
 * shadow copy ({@code _t_gho}), ALTERs it, copies the rows and the live changes into it, and at cut-over swaps
 * names ({@code RENAME TABLE t TO _t_del, _t_gho TO t}). The original table's own changes are captured all
 * along, so the shadow and trash tables are left out, the shadow's ALTERs are remembered, and the cut-over is
 * emitted as {@code ALTER TABLE t <those changes>}.
 */
public final class OnlineDdl {

    private static final Pattern ALTER = Pattern.compile(
            "^\\s*ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+(?:`(?:[^`]|``)+`|[\\w$]+)"
                    + "(?:\\s*\\.\\s*(?:`(?:[^`]|``)+`|[\\w$]+))?\\s+(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RENAME = Pattern.compile("^\\s*RENAME\\s+TABLES?\\s+(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final String NAME = DdlTables.IDENTIFIER;
    private static final Pattern PAIR = Pattern.compile(
            NAME + "(?:\\s*\\.\\s*" + NAME + ")?\\s+TO\\s+" + NAME + "(?:\\s*\\.\\s*" + NAME + ")?",
            Pattern.CASE_INSENSITIVE);

    private final OnlineDdlMode mode;
    private final Pattern shadow;
    private final Pattern trash;
    /** ALTER clauses applied to each shadow table, by the shadow's id. */
    private final Map<TableId, List<String>> shadowAlters = new HashMap<>();

    public OnlineDdl(OnlineDdlMode mode, String shadowPattern, String trashPattern) {
        this.mode = mode;
        this.shadow = Pattern.compile(shadowPattern);
        this.trash = Pattern.compile(trashPattern);
    }

    public static OnlineDdl none() {
        return new OnlineDdl(OnlineDdlMode.NONE, "$^", "$^");
    }

    /** True if the table's rows and DDL are left out: a shadow or trash table under {@code gh-ost}. */
    public boolean ignores(TableId table) {
        return mode == OnlineDdlMode.GH_OST
                && (shadow.matcher(table.table()).matches() || trash.matcher(table.table()).matches());
    }

    /**
     * The DDL to emit for a logged statement: the statement itself, nothing (a shadow or trash table's DDL), or,
     * for a cut-over rename, the ALTER of the original table.
     */
    public Optional<String> translate(String ddl, String defaultDatabase) {
        if (mode != OnlineDdlMode.GH_OST) {
            return Optional.of(ddl);
        }
        Matcher rename = RENAME.matcher(ddl);
        if (rename.matches()) {
            return cutOver(rename.group(1), defaultDatabase, ddl);
        }
        Optional<TableId> subject = DdlTables.tableOf(ddl, defaultDatabase);
        if (subject.isPresent() && ignores(subject.get())) {
            Matcher alter = ALTER.matcher(ddl);
            if (alter.matches() && shadow.matcher(subject.get().table()).matches()) {
                shadowAlters.computeIfAbsent(subject.get(), t -> new ArrayList<>()).add(alter.group(1).trim());
            }
            return Optional.empty();
        }
        return Optional.of(ddl);
    }

    private Optional<String> cutOver(String pairs, String defaultDatabase, String ddl) {
        Matcher pair = PAIR.matcher(pairs);
        boolean touchesTool = false;
        String alter = null;
        while (pair.find()) {
            TableId from = id(pair.group(1), pair.group(2), pair.group(3), pair.group(4), defaultDatabase);
            TableId to = id(pair.group(5), pair.group(6), pair.group(7), pair.group(8), defaultDatabase);
            touchesTool |= ignores(from) || ignores(to);
            List<String> clauses = shadowAlters.remove(from);
            if (shadow.matcher(from.table()).matches() && !ignores(to)) {
                alter = clauses == null || clauses.isEmpty() ? null
                        : "ALTER TABLE " + to.quoted() + " " + String.join(", ", clauses);
            }
        }
        if (!touchesTool) {
            return Optional.of(ddl);
        }
        return Optional.ofNullable(alter);
    }

    private static TableId id(String q1, String p1, String q2, String p2, String defaultDatabase) {
        String first = DdlTables.unquote(q1, p1);
        String second = DdlTables.unquote(q2, p2);
        return second != null ? new TableId(first, second)
                : new TableId(defaultDatabase == null ? "" : defaultDatabase, first);
    }

    @Override
    public String toString() {
        return mode.configValue() + " (shadow " + shadow + ", trash " + trash + ")";
    }

}
