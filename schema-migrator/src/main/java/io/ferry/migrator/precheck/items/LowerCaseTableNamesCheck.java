package io.ferry.migrator.precheck.items;

import io.ferry.common.server.Finding;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * {@code lower_case_table_names} on both servers. It is fixed when a server's data directory is created, so a
 * mismatch is a warning to understand, not a setting to flip: names change case or start to clash.
 */
public final class LowerCaseTableNamesCheck implements PrecheckItem {

    @Override
    public String name() {
        return "lower-case-table-names";
    }

    @Override
    public String title() {
        return "lower_case_table_names on source and destination";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE, Side.DESTINATION);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        String sql = "SELECT @@lower_case_table_names";
        return List.of(compare(Integer.parseInt(PrecheckContext.string(context.source(), sql)),
                Integer.parseInt(PrecheckContext.string(context.destination(), sql))));
    }

    static Finding compare(int source, int destination) {
        String subject = "lower_case_table_names";
        if (source == destination) {
            return Finding.pass(subject, subject + " is " + source + " on both servers");
        }
        String values = subject + " is " + source + " on the source and " + destination + " on the destination";
        if (source == 0) {
            return Finding.warning(subject, values + ": names are case-sensitive in the source only, so tables"
                    + (destination == 1 ? " are stored in lower case and" : "") + " names that differ only in case"
                    + " clash (see destination-names)", "Use a destination initialized with lower_case_table_names=0,"
                    + " or map clashing names apart with mapping.rules");
        }
        if (destination == 0) {
            return Finding.warning(subject, values + ": queries that spell a table in another case than it is"
                    + " stored will fail on the destination", "Initialize the destination with lower_case_table_names="
                    + source + ", or set mapping.case=lower and make the application use lower case names");
        }
        return Finding.warning(subject, values + ": both compare names case-insensitively but store their case"
                + " differently", "Check that the application does not depend on the stored case of names");
    }
}
