package io.ferry.common.ddl;

import io.ferry.common.Identifiers;
import io.ferry.common.TableId;
import io.ferry.common.mapping.NameMapping;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the new text of every collected identifier: the mapped name, back-quoted, wherever it differs from
 * the name written. Unqualified table names resolve against the statement's default database; column names
 * through their scope (see {@link DdlRenamer} for the rules and their limits).
 */
final class NameResolver {

    /** The replacement text for one token. */
    record Edit(Token token, String text) {
    }

    /** The edits, by token index, and the column names that could not be attributed to one table. */
    record Resolution(Map<Integer, Edit> edits, List<String> unresolvedColumns) {
    }

    private final NameMapping mapping;
    private final String defaultDatabase;
    private final String statement;
    private final Map<Integer, Edit> edits = new LinkedHashMap<>();
    private final List<String> unresolved = new ArrayList<>();

    NameResolver(NameMapping mapping, String defaultDatabase, String statement) {
        this.mapping = mapping;
        this.defaultDatabase = defaultDatabase == null || defaultDatabase.isEmpty() ? null : defaultDatabase;
        this.statement = statement;
    }

    Resolution resolve(CollectedNames names) {
        for (CollectedNames.DatabaseName database : names.databases) {
            replaceIfChanged(database.name(), mapping.database(database.name().name()));
        }
        for (CollectedNames.TableName table : names.tables) {
            if (table.database() != null) {
                renameQualified(table.database(), table.table());
            } else {
                renameUnqualified(table.table());
            }
        }
        for (CollectedNames.ColumnName column : names.columns) {
            resolveColumn(column, names);
        }
        return new Resolution(edits, List.copyOf(unresolved));
    }

    private void renameQualified(NamePart database, NamePart table) {
        TableId target = mapping.table(new TableId(database.name(), table.name()));
        replaceIfChanged(database, target.database());
        replaceIfChanged(table, target.table());
    }

    /** Stays unqualified while the table lands in the destination's default database; else gets qualified. */
    private void renameUnqualified(NamePart table) {
        TableId target = mapping.table(new TableId(requireDefaultDatabase(table), table.name()));
        if (target.database().equals(mapping.database(defaultDatabase))) {
            replaceIfChanged(table, target.table());
        } else {
            replace(table, target.quoted());
        }
    }

    private void resolveColumn(CollectedNames.ColumnName column, CollectedNames names) {
        List<NamePart> qualifiers = column.qualifiers();
        if (column.owner() != null) {
            renameColumn(column.owner(), column.column());
        } else if (qualifiers.size() == 2) {
            renameQualified(qualifiers.get(0), qualifiers.get(1));
            renameColumn(new TableId(qualifiers.get(0).name(), qualifiers.get(1).name()), column.column());
        } else if (qualifiers.size() == 1) {
            resolveQualifiedColumn(qualifiers.get(0), column);
        } else if (qualifiers.isEmpty() && column.column() != null) {
            resolveBareColumn(column.column(), column.scope(), names);
        }
    }

    /** {@code q.column}: q is an alias or the name of a table of an enclosing query block. */
    private void resolveQualifiedColumn(NamePart qualifier, CollectedNames.ColumnName column) {
        Optional<Scope.ScopeTable> found = column.scope().qualified(qualifier.name());
        if (found.isEmpty()) {
            if (column.column() != null) {
                unresolved.add(qualifier.name() + "." + column.column().name());
            }
            return;
        }
        TableId table = found.get().table();
        if (table == null) {
            return;
        }
        if (found.get().referencedByName()) {
            // The qualifier repeats the table's name; MySQL accepts the bare table name even when the table
            // itself is written with its database, so the qualifier never needs one.
            replaceIfChanged(qualifier, mapping.table(table).table());
        }
        if (column.column() != null) {
            renameColumn(table, column.column());
        }
    }

    /**
     * An unqualified column: the DDL target's, else renamed only when every table it could belong to maps it
     * to the same name (one table in FROM, or a name no rule touches in any of them).
     */
    private void resolveBareColumn(NamePart column, Scope scope, CollectedNames names) {
        if (scope.target() != null) {
            renameColumn(scope.target(), column);
            return;
        }
        if (names.isVariable(column.name())) {
            return;
        }
        Set<String> outcomes = new LinkedHashSet<>();
        for (Scope.ScopeTable candidate : scope.unqualifiedCandidates()) {
            outcomes.add(candidate.table() == null ? column.name() : mapping.column(candidate.table(), column.name()));
        }
        if (outcomes.isEmpty() || outcomes.equals(Set.of(column.name()))) {
            return;
        }
        if (outcomes.size() > 1 || scope.isSelectAlias(column.name())) {
            unresolved.add(column.name());
            return;
        }
        replaceIfChanged(column, outcomes.iterator().next());
    }

    private void renameColumn(TableId owner, NamePart column) {
        replaceIfChanged(column, mapping.column(owner, column.name()));
    }

    private String requireDefaultDatabase(NamePart table) {
        if (defaultDatabase == null) {
            throw new DdlRewriteException(statement, "Table name '" + table.name() + "' is not qualified and"
                    + " there is no default database to resolve it against");
        }
        return defaultDatabase;
    }

    private void replaceIfChanged(NamePart name, String target) {
        if (!target.equals(name.name())) {
            replace(name, Identifiers.quote(target));
        }
    }

    private void replace(NamePart name, String text) {
        edits.putIfAbsent(name.token().getTokenIndex(), new Edit(name.token(), text));
    }
}
