package io.ferry.common.ddl;

import io.ferry.common.TableId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The identifiers of one statement, sorted by what they name; filled by {@link IdentifierCollector}. */
final class CollectedNames {

    /** A database name on its own (CREATE DATABASE, the qualifier of a routine or trigger name). */
    record DatabaseName(NamePart name) {
    }

    /** A table or view name, qualified ({@code database} not null) or not. */
    record TableName(NamePart database, NamePart table) {
    }

    /**
     * A column name with the qualifiers written before it ({@code t.c}, {@code db.t.c}); resolved through
     * {@code owner} when the grammar says whose column it is (REFERENCES t (c)), else through {@code scope}.
     * {@code column} is null for {@code t.*}, where only the qualifier is a name to map.
     */
    record ColumnName(List<NamePart> qualifiers, NamePart column, Scope scope, TableId owner) {
    }

    final List<DatabaseName> databases = new ArrayList<>();
    final List<TableName> tables = new ArrayList<>();
    final List<ColumnName> columns = new ArrayList<>();
    /** Routine parameters and local variables: an unqualified name among them is not a column. */
    private final Set<String> variables = new HashSet<>();

    void addVariable(String name) {
        variables.add(name.toLowerCase(Locale.ROOT));
    }

    boolean isVariable(String name) {
        return variables.contains(name.toLowerCase(Locale.ROOT));
    }
}
