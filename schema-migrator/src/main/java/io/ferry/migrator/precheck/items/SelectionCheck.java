package io.ferry.migrator.precheck.items;

import io.ferry.common.server.Finding;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * What the include and exclude patterns select in the source. Selecting nothing is almost always a typo in a
 * pattern (they match whole names, case-sensitively), and every other item would pass vacuously.
 */
public final class SelectionCheck implements PrecheckItem {

    @Override
    public String name() {
        return "selection";
    }

    @Override
    public String title() {
        return "Tables the include and exclude patterns select";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        int tables = context.sourceTables().size();
        if (tables == 0) {
            return List.of(Finding.warning("tables", "The patterns select no table in the source",
                    "Check database.include, table.include and the excludes: they match whole names,"
                            + " case-sensitively"));
        }
        return List.of(Finding.pass("tables", tables + " table(s) selected in " + context.sourceDatabases().size()
                + " database(s): " + String.join(", ", context.sourceDatabases())));
    }
}
