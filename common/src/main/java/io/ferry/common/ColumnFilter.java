package io.ferry.common;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Columns left out of capture or migration: regular expressions matched whole and case-sensitively against
 * {@code db.table.column}.
 */
public final class ColumnFilter {

    private final List<Pattern> exclude;

    public ColumnFilter(List<String> exclude) {
        TableFilter.validatePatterns(exclude);
        this.exclude = exclude.stream().map(String::trim).filter(p -> !p.isEmpty()).map(Pattern::compile).toList();
    }

    public static ColumnFilter none() {
        return new ColumnFilter(List.of());
    }

    public boolean excludes(TableId table, String column) {
        if (exclude.isEmpty()) {
            return false;
        }
        String qualified = table + "." + column;
        return exclude.stream().anyMatch(p -> p.matcher(qualified).matches());
    }
}
