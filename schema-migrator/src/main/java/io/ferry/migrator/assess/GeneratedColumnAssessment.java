package io.ferry.migrator.assess;

import io.ferry.common.server.Finding;
import io.ferry.common.server.ServerFlavor;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Generated columns whose expression calls a function the destination's flavor does not have. */
final class GeneratedColumnAssessment implements PrecheckItem {

    /** MySQL has '' for ordinary columns, MariaDB NULL. */
    private static final String GENERATED = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, GENERATION_EXPRESSION"
            + " FROM information_schema.COLUMNS WHERE GENERATION_EXPRESSION IS NOT NULL AND GENERATION_EXPRESSION <> ''"
            + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION";

    @Override
    public String name() {
        return "generated-columns";
    }

    @Override
    public String title() {
        return "Generated columns the destination can compute";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE, Side.DESTINATION);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        ServerFlavor source = PrecheckContext.flavor(context.source());
        ServerFlavor destination = PrecheckContext.flavor(context.destination());
        List<List<String>> generated = Assessment.selectedRows(context, GENERATED);
        List<Finding> findings = new ArrayList<>();
        for (List<String> row : generated) {
            List<String> missing = MissingFunctions.in(row.get(3), source, destination);
            if (!missing.isEmpty()) {
                String column = row.get(0) + "." + row.get(1) + "." + row.get(2);
                findings.add(Finding.failure(column, "Generated column " + column + " calls " + missing + ", which "
                        + (destination == ServerFlavor.MARIADB ? "MariaDB" : "MySQL") + " does not have",
                        "Rewrite the expression with functions both servers have, or exclude the column"
                                + " (column.exclude) and compute it in the destination"));
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.pass("generated", generated.size() + " generated column(s), none calling a function"
                    + " the destination lacks"));
        }
        return findings;
    }
}
