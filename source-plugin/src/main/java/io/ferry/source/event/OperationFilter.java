package io.ferry.source.event;

import io.ferry.common.TableId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which kinds of change each table emits (DTS's per-table operation selection): entries of the form
 * {@code <regex on db.table>:<op>+<op>...} with ops {@code insert}, {@code update}, {@code delete}, {@code ddl}.
 * The first entry whose pattern matches a table decides; a table no entry matches emits everything. Snapshot
 * reads are never filtered: they are the table's content.
 */
public final class OperationFilter {

    /** The kinds of change. */
    public enum Operation {
        INSERT, UPDATE, DELETE, DDL
    }

    private record Rule(Pattern tables, Set<Operation> operations) {
    }

    private final List<Rule> rules;

    private OperationFilter(List<Rule> rules) {
        this.rules = rules;
    }

    public static OperationFilter all() {
        return new OperationFilter(List.of());
    }

    /** Parses the entries; the message of a failure names the bad entry and what is wrong with it. */
    public static OperationFilter parse(List<String> entries) {
        List<Rule> rules = new ArrayList<>();
        for (String entry : entries) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("'" + trimmed + "' is not <db.table regex>:<op>+<op>");
            }
            Set<Operation> operations = EnumSet.noneOf(Operation.class);
            for (String op : trimmed.substring(colon + 1).split("\\+")) {
                try {
                    operations.add(Operation.valueOf(op.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + op.trim() + "' in '" + trimmed
                            + "' is not one of insert, update, delete, ddl", e);
                }
            }
            try {
                rules.add(new Rule(Pattern.compile(trimmed.substring(0, colon)), operations));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + trimmed.substring(0, colon) + "' in '" + trimmed
                        + "' is not a valid regular expression: " + e.getDescription(), e);
            }
        }
        return new OperationFilter(rules);
    }

    public boolean emits(TableId table, Operation operation) {
        String name = table.toString();
        for (Rule rule : rules) {
            if (rule.tables().matcher(name).matches()) {
                return rule.operations().contains(operation);
            }
        }
        return true;
    }
}
