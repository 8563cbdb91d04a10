package io.ferry.migrator.precheck.items;

import io.ferry.common.TableId;
import io.ferry.common.server.Finding;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import io.ferry.migrator.settings.MigrationType;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Selected tables with neither a primary key nor a unique key whose columns are all NOT NULL: their rows cannot
 * be told apart, so a replayed change may duplicate a row, and each change is applied by a full-row match.
 */
public final class KeylessTablesCheck implements PrecheckItem {

    /** Unique indexes and whether any of their columns is nullable (an index on expressions only has none). */
    private static final String UNIQUE_KEYS = "SELECT s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME,"
            + " MAX(c.IS_NULLABLE = 'YES') FROM information_schema.STATISTICS s JOIN information_schema.COLUMNS c"
            + " ON c.TABLE_SCHEMA = s.TABLE_SCHEMA AND c.TABLE_NAME = s.TABLE_NAME AND c.COLUMN_NAME = s.COLUMN_NAME"
            + " WHERE s.NON_UNIQUE = 0 GROUP BY s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME";

    @Override
    public String name() {
        return "keyless-tables";
    }

    @Override
    public String title() {
        return "Tables without a primary key or unique NOT NULL key";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE);
    }

    @Override
    public boolean appliesTo(MigratorSettings settings) {
        return settings.includes(MigrationType.FULL) || settings.includes(MigrationType.INCREMENTAL);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        Set<TableId> keyed = new HashSet<>();
        for (List<String> row : PrecheckContext.rows(context.source(), UNIQUE_KEYS)) {
            if ("0".equals(row.get(3))) {
                keyed.add(new TableId(row.get(0), row.get(1)));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (TableId table : context.sourceTables()) {
            if (!keyed.contains(table)) {
                findings.add(Finding.warning(table.toString(), "Table " + table + " has no primary key or unique"
                        + " NOT NULL key: duplicate rows are possible after a retry and changes apply slower",
                        "Add a primary key to " + table + " before the migration if the application allows it"));
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.pass("keys", "Every selected table has a primary key or unique NOT NULL key"));
        }
        return findings;
    }
}
