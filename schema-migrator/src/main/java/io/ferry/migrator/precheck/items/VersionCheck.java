package io.ferry.migrator.precheck.items;

import io.ferry.common.server.Finding;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** Source and destination flavor and version: same flavor and not older is a pass, anything else a warning. */
public final class VersionCheck implements PrecheckItem {

    @Override
    public String name() {
        return "versions";
    }

    @Override
    public String title() {
        return "Source and destination versions";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE, Side.DESTINATION);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        ServerVersion source = ServerVersion.parse(PrecheckContext.string(context.source(), "SELECT VERSION()"));
        ServerVersion destination =
                ServerVersion.parse(PrecheckContext.string(context.destination(), "SELECT VERSION()"));
        return List.of(ServerVersion.compatibility(source, destination));
    }
}
