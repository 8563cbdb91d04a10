package io.ferry.migrator.precheck.items;

import io.ferry.common.TableId;
import io.ferry.common.server.Finding;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import io.ferry.migrator.settings.ConflictPolicy;
import io.ferry.migrator.settings.MigrationType;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Destination tables under the selected tables' mapped names. With schema migration, one that exists already
 * is a conflict ({@code conflict.tables}: error fails, ignore warns); without it, one that is missing fails,
 * since only the schema migration creates tables.
 */
public final class ConflictingTablesCheck implements PrecheckItem {

    @Override
    public String name() {
        return "conflicting-tables";
    }

    @Override
    public String title() {
        return "Destination tables with the migrated tables' names";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE, Side.DESTINATION);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        MigratorSettings settings = context.settings();
        Map<TableId, TableId> sources;
        try {
            sources = settings.mapping().sourcesByDestination(context.sourceTables());
        } catch (IllegalArgumentException e) {
            return List.of(Finding.failure("mapping", e.getMessage(), "Change mapping.rules so that each source"
                    + " table has its own destination table"));
        }
        boolean caseInsensitive = !"0".equals(PrecheckContext.string(context.destination(),
                "SELECT @@lower_case_table_names"));
        Set<String> existing = new HashSet<>();
        for (List<String> row : PrecheckContext.rows(context.destination(),
                "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES")) {
            existing.add(key(new TableId(row.get(0), row.get(1)), caseInsensitive));
        }
        boolean createsTables = settings.includes(MigrationType.SCHEMA);
        List<Finding> findings = new ArrayList<>();
        sources.forEach((destination, source) -> {
            boolean exists = existing.contains(key(destination, caseInsensitive));
            if (createsTables && exists) {
                findings.add(conflict(settings.conflictTables(), destination, source));
            } else if (!createsTables && !exists) {
                findings.add(Finding.failure(destination.toString(), "The destination has no table " + destination
                        + " for " + source, "Add schema to migration.types, or create the table first"));
            }
        });
        if (findings.isEmpty()) {
            findings.add(Finding.pass("tables", sources.size() + " table(s) checked: " + (createsTables
                    ? "none exists in the destination" : "each exists in the destination")));
        }
        return findings;
    }

    private static Finding conflict(ConflictPolicy policy, TableId destination, TableId source) {
        String message = "Table " + destination + " already exists in the destination (the target of " + source + ")";
        return policy == ConflictPolicy.ERROR
                ? Finding.failure(destination.toString(), message, "Drop or rename it, map " + source
                        + " elsewhere with mapping.rules, or set conflict.tables=ignore to write into it")
                : Finding.warning(destination.toString(), message + "; conflict.tables=ignore keeps it and writes"
                        + " into it", "Make sure its columns and keys match the source table");
    }

    private static String key(TableId table, boolean caseInsensitive) {
        String text = table.database() + "\u0000" + table.table();
        return caseInsensitive ? text.toLowerCase(Locale.ROOT) : text;
    }
}
