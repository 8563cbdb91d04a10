package io.ferry.common.ddl;

import io.ferry.common.TableId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a column name is looked up: the table a DDL statement defines or alters (its {@link #target()}), or the
 * tables of one query block (FROM, UPDATE, DELETE, INSERT target) with their aliases, inside its enclosing
 * blocks. Filled while the tree is walked and read only after the walk, when every FROM clause is complete.
 */
final class Scope {

    /** A table of a query block; {@code table} is null for a derived table, a CTE or JSON_TABLE. */
    record ScopeTable(TableId table, String name, String alias) {

        boolean answersTo(String qualifier) {
            return alias != null ? alias.equalsIgnoreCase(qualifier) : qualifier.equals(name);
        }

        boolean referencedByName() {
            return alias == null;
        }
    }

    private final Scope parent;
    private final TableId target;
    private final boolean bindsUnqualified;
    private final boolean isolated;
    private final List<ScopeTable> tables = new ArrayList<>();
    private final Set<String> selectAliases = new HashSet<>();

    private Scope(Scope parent, TableId target, boolean bindsUnqualified, boolean isolated) {
        this.parent = parent;
        this.target = target;
        this.bindsUnqualified = bindsUnqualified;
        this.isolated = isolated;
    }

    static Scope statement() {
        return new Scope(null, null, false, false);
    }

    /** A DDL statement's own table: every column name in it is that table's. */
    Scope targetScope(TableId table) {
        return new Scope(this, table, false, false);
    }

    /** A query block: its tables answer unqualified names. */
    Scope queryScope() {
        return new Scope(this, null, true, false);
    }

    /** A block whose tables answer only qualified names (a trigger's NEW and OLD). */
    Scope qualifiedOnlyScope() {
        return new Scope(this, null, false, false);
    }

    /**
     * The body of a derived table or CTE: it cannot see the columns of the block it appears in (unless
     * LATERAL), so an unqualified name inside is looked up in its own blocks only.
     */
    Scope subqueryScope(boolean seesEnclosingBlocks) {
        return new Scope(this, null, false, !seesEnclosingBlocks);
    }

    Scope parent() {
        return parent;
    }

    TableId target() {
        return target;
    }

    void addTable(TableId table, String name, String alias) {
        tables.add(new ScopeTable(table, name, alias));
    }

    void addSelectAlias(String alias) {
        selectAliases.add(alias.toLowerCase(Locale.ROOT));
    }

    boolean isSelectAlias(String name) {
        return selectAliases.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The table a qualifier ({@code q} in {@code q.column}) names, innermost block first. */
    Optional<ScopeTable> qualified(String qualifier) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            for (ScopeTable table : scope.tables) {
                if (table.answersTo(qualifier)) {
                    return Optional.of(table);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every table an unqualified column name could belong to: this block's and the enclosing blocks' (a
     * correlated subquery sees its outer blocks), up to the nearest DDL target or derived-table body.
     */
    List<ScopeTable> unqualifiedCandidates() {
        List<ScopeTable> candidates = new ArrayList<>();
        for (Scope scope = this; scope != null && scope.target == null && !scope.isolated; scope = scope.parent) {
            if (scope.bindsUnqualified) {
                candidates.addAll(scope.tables);
            }
        }
        return candidates;
    }
}
