package io.ferry.migrator.assess;

import io.ferry.common.server.Finding;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tables on engines other than InnoDB. The sink commits each batch with its Kafka offsets in one destination
 * transaction; a non-transactional table cannot roll back with them, so a retried batch may apply twice there.
 * An engine the destination does not have at all fails the schema copy.
 */
final class EngineAssessment implements PrecheckItem {

    private static final String ENGINES = "SELECT TABLE_SCHEMA, TABLE_NAME, ENGINE FROM information_schema.TABLES"
            + " WHERE ENGINE IS NOT NULL ORDER BY TABLE_SCHEMA, TABLE_NAME";

    @Override
    public String name() {
        return "engines";
    }

    @Override
    public String title() {
        return "Table engines other than InnoDB";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE, Side.DESTINATION);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        Set<String> available = new HashSet<>();
        for (List<String> row : PrecheckContext.rows(context.destination(),
                "SELECT ENGINE FROM information_schema.ENGINES WHERE SUPPORT IN ('YES', 'DEFAULT')")) {
            available.add(row.get(0).toLowerCase(Locale.ROOT));
        }
        List<Finding> findings = new ArrayList<>();
        int innodb = 0;
        for (List<String> row : Assessment.selectedRows(context, ENGINES)) {
            String table = row.get(0) + "." + row.get(1);
            String engine = row.get(2);
            if (engine.equalsIgnoreCase("InnoDB")) {
                innodb++;
            } else if (!available.contains(engine.toLowerCase(Locale.ROOT))) {
                findings.add(Finding.failure(table, table + " uses the " + engine + " engine, which the destination"
                        + " does not have", "Convert it (ALTER TABLE " + table + " ENGINE=InnoDB) on the source, or"
                        + " install the engine in the destination"));
            } else {
                findings.add(Finding.warning(table, table + " uses the " + engine + " engine: not transactional in"
                        + " the destination, so a retried batch may apply twice there", "Convert it to InnoDB ("
                        + "ALTER TABLE " + table + " ENGINE=InnoDB) on the source, or in the destination after the"
                        + " schema copy"));
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.pass("engines", "All " + innodb + " selected table(s) use InnoDB"));
        }
        return findings;
    }
}
