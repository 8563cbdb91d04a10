package io.ferry.migrator.precheck;

import io.ferry.common.server.Finding;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** One concern of the precheck (binlog settings, privileges, conflicting tables...), checked on live servers. */
public interface PrecheckItem {

    /** Which server connections an item reads; it is skipped when one of them could not be opened. */
    enum Side { SOURCE, DESTINATION }

    /** A stable identifier, used in the JSON output: lower case words joined by '-'. */
    String name();

    /** What is checked, for people. */
    String title();

    Set<Side> needs();

    /** Whether the chosen migration types need this item (e.g. binlog settings only for incremental). */
    default boolean appliesTo(MigratorSettings settings) {
        return true;
    }

    /** At least one finding; a pass says what was seen. */
    List<Finding> check(PrecheckContext context) throws SQLException;
}
