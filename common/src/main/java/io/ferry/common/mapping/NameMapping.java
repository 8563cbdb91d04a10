package io.ferry.common.mapping;

import io.ferry.common.TableId;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How source names become destination names, shared by the sink and the schema migrator so that both write
 * the same names. Immutable.
 *
 * <p>Rules, as configured:
 * <ul>
 *   <li>{@code shop=shop_v2}: database rename; applies to every table of {@code shop} that no table rule maps;</li>
 *   <li>{@code shop.orders=shop_v2.orders_2024}: table rename into the given database;</li>
 *   <li>{@code shop.orders=orders_2024}: table rename, the database mapped as its database is;</li>
 *   <li>{@code shop.orders.amount=total_amount}: column rename.</li>
 * </ul>
 * Names may be back-quoted ({@code `my.db`.`a=b`=x}). Explicit targets are used verbatim; every name that no
 * rule maps is spelled by the {@link CasePolicy}. Databases and tables match case-sensitively (as MySQL stores
 * them on Linux), columns case-insensitively (as MySQL compares them).
 */
public final class NameMapping {

    private static final NameMapping IDENTITY = new NameMapping(CasePolicy.AS_SOURCE, Map.of(), Map.of(), Map.of());

    private final CasePolicy policy;
    private final Map<String, String> databases;
    /** Source table to target; a null database in the target means "as the source database is mapped". */
    private final Map<TableId, TableTarget> tables;
    /** Source table to (lower-cased source column to target column). */
    private final Map<TableId, Map<String, String>> columns;

    private record TableTarget(String database, String table) {
    }

    private NameMapping(CasePolicy policy, Map<String, String> databases, Map<TableId, TableTarget> tables,
                        Map<TableId, Map<String, String>> columns) {
        this.policy = policy;
        this.databases = databases;
        this.tables = tables;
        this.columns = columns;
    }

    /** The mapping that changes nothing. */
    public static NameMapping identity() {
        return IDENTITY;
    }

    /**
     * Parses rename rules (blank entries are ignored). Throws {@link IllegalArgumentException} quoting the rule
     * and saying what is wrong: a malformed rule, the same source mapped twice, or two sources onto the same
     * target table or column.
     */
    public static NameMapping parse(List<String> rules, CasePolicy policy) {
        Objects.requireNonNull(policy, "policy");
        Map<String, String> databases = new LinkedHashMap<>();
        Map<TableId, TableTarget> tables = new LinkedHashMap<>();
        Map<TableId, Map<String, String>> columns = new LinkedHashMap<>();
        Map<Object, String> ruleBySource = new HashMap<>();
        for (String text : rules) {
            if (text == null || text.isBlank()) {
                continue;
            }
            MappingRule rule = MappingRule.parse(text.trim());
            List<String> s = rule.source();
            List<String> t = rule.target();
            Object sourceKey = switch (rule.kind()) {
                case DATABASE -> s.get(0);
                case TABLE -> new TableId(s.get(0), s.get(1));
                case COLUMN -> List.of(new TableId(s.get(0), s.get(1)), s.get(2).toLowerCase(Locale.ROOT));
            };
            String earlier = ruleBySource.putIfAbsent(sourceKey, rule.text());
            if (earlier != null) {
                throw MappingRule.invalid(rule.text(), "maps the same source as '" + earlier + "'");
            }
            switch (rule.kind()) {
                case DATABASE -> databases.put(s.get(0), t.get(0));
                case TABLE -> tables.put(new TableId(s.get(0), s.get(1)),
                        t.size() == 2 ? new TableTarget(t.get(0), t.get(1)) : new TableTarget(null, t.get(0)));
                case COLUMN -> columns.computeIfAbsent(new TableId(s.get(0), s.get(1)), k -> new LinkedHashMap<>())
                        .put(s.get(2).toLowerCase(Locale.ROOT), t.get(0));
            }
        }
        NameMapping mapping = new NameMapping(policy, Map.copyOf(databases), Map.copyOf(tables),
                copyColumns(columns));
        mapping.checkTargetsDistinct(ruleBySource);
        return mapping;
    }

    private static Map<TableId, Map<String, String>> copyColumns(Map<TableId, Map<String, String>> columns) {
        Map<TableId, Map<String, String>> copy = new HashMap<>();
        columns.forEach((table, renames) -> copy.put(table, Map.copyOf(renames)));
        return Map.copyOf(copy);
    }

    /** Two explicit table rules, or two column rules of one table, must not land on the same name. */
    private void checkTargetsDistinct(Map<Object, String> ruleBySource) {
        Map<TableId, TableId> sourceByTarget = new HashMap<>();
        for (TableId source : tables.keySet()) {
            TableId other = sourceByTarget.putIfAbsent(table(source), source);
            if (other != null) {
                throw MappingRule.invalid(ruleBySource.get(source), "maps " + source + " onto " + table(source)
                        + ", the target of '" + ruleBySource.get(other) + "' too");
            }
        }
        columns.forEach((table, renames) -> {
            Map<String, String> sourceByTargetColumn = new HashMap<>();
            renames.forEach((source, target) -> {
                String other = sourceByTargetColumn.putIfAbsent(target.toLowerCase(Locale.ROOT), source);
                if (other != null) {
                    String rule = ruleBySource.get(List.of(table, source));
                    throw MappingRule.invalid(rule, "maps a column of " + table + " onto " + target
                            + ", the target of '" + ruleBySource.get(List.of(table, other)) + "' too");
                }
            });
        });
    }

    public boolean isIdentity() {
        return policy == CasePolicy.AS_SOURCE && databases.isEmpty() && tables.isEmpty() && columns.isEmpty();
    }

    public CasePolicy casePolicy() {
        return policy;
    }

    /** The destination database for a source database. */
    public String database(String sourceDatabase) {
        String explicit = databases.get(sourceDatabase);
        return explicit != null ? explicit : policy.apply(sourceDatabase);
    }

    /** The destination table for a source table: a table rule first, else its database's mapping. */
    public TableId table(TableId source) {
        TableTarget explicit = tables.get(source);
        if (explicit == null) {
            return new TableId(database(source.database()), policy.apply(source.table()));
        }
        return new TableId(explicit.database() != null ? explicit.database() : database(source.database()),
                explicit.table());
    }

    /** The destination name of a column of a source table. */
    public String column(TableId sourceTable, String sourceColumn) {
        Map<String, String> renames = columns.get(sourceTable);
        String explicit = renames == null ? null : renames.get(sourceColumn.toLowerCase(Locale.ROOT));
        return explicit != null ? explicit : policy.apply(sourceColumn);
    }

    /** Whether a rule names this column explicitly (its destination name is then not the case policy's). */
    public boolean renamesColumn(TableId sourceTable, String sourceColumn) {
        Map<String, String> renames = columns.get(sourceTable);
        return renames != null && renames.containsKey(sourceColumn.toLowerCase(Locale.ROOT));
    }

    /**
     * Destination table to source table, for the given source tables. Throws {@link IllegalArgumentException}
     * naming both sources when two of them land on the same destination table (which the rules alone cannot
     * show, e.g. a database rename onto a database that already has a table of that name).
     */
    public Map<TableId, TableId> sourcesByDestination(Collection<TableId> sourceTables) {
        Map<TableId, TableId> result = new LinkedHashMap<>();
        for (TableId source : sourceTables) {
            TableId destination = table(source);
            TableId other = result.putIfAbsent(destination, source);
            if (other != null && !other.equals(source)) {
                throw new IllegalArgumentException("Tables " + other + " and " + source + " would both be written to "
                        + destination + "; add a table rule for one of them");
            }
        }
        return result;
    }

    /** The source table that is written to {@code destination}, among the given source tables. */
    public Optional<TableId> sourceTable(TableId destination, Collection<TableId> sourceTables) {
        return Optional.ofNullable(sourcesByDestination(sourceTables).get(destination));
    }

    /**
     * Destination column name (lower-cased, since MySQL compares columns case-insensitively) to source column,
     * for the given columns of one source table; throws when two columns would get the same destination name.
     */
    public Map<String, String> sourceColumnsByDestination(TableId sourceTable, Collection<String> sourceColumns) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String source : sourceColumns) {
            String destination = column(sourceTable, source).toLowerCase(Locale.ROOT);
            String other = result.putIfAbsent(destination, source);
            if (other != null && !other.equalsIgnoreCase(source)) {
                throw new IllegalArgumentException("Columns " + other + " and " + source + " of " + sourceTable
                        + " would both be named " + column(sourceTable, source) + " in the destination");
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "NameMapping{case=" + policy + ", databases=" + databases + ", tables=" + tables.keySet()
                + ", columns=" + columns.keySet() + "}";
    }
}
