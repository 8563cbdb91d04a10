package io.ferry.migrator.precheck.items;

import io.ferry.common.TableId;
import io.ferry.common.server.Finding;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** Whether the destination accepts the mapped database and table names (see {@link DestinationNames}). */
public final class DestinationNamesCheck implements PrecheckItem {

    @Override
    public String name() {
        return "destination-names";
    }

    @Override
    public String title() {
        return "Database and table names the destination accepts";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE, Side.DESTINATION);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        List<TableId> mapped = context.sourceTables().stream().map(context.settings().mapping()::table).toList();
        boolean caseInsensitive = !"0".equals(PrecheckContext.string(context.destination(),
                "SELECT @@lower_case_table_names"));
        List<Finding> problems = DestinationNames.problems(mapped, caseInsensitive);
        return problems.isEmpty() ? List.of(Finding.pass("names", "The destination accepts all " + mapped.size()
                + " mapped table name(s)")) : problems;
    }
}
