package io.ferry.migrator.precheck.items;

import io.ferry.common.server.Finding;
import io.ferry.common.server.SourceServerChecks;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import io.ferry.migrator.settings.MigrationType;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The source's binlog as the stream needs it (incremental only): row format, full images, retention, GTIDs. */
public final class BinlogCheck implements PrecheckItem {

    @Override
    public String name() {
        return "binlog";
    }

    @Override
    public String title() {
        return "Source binlog settings and retention";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE);
    }

    @Override
    public boolean appliesTo(MigratorSettings settings) {
        return settings.includes(MigrationType.INCREMENTAL);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        List<Finding> findings = new ArrayList<>(SourceServerChecks.binlogSettings(context.source()));
        findings.add(SourceServerChecks.binlogRetention(context.source(), context.settings().binlogRetention()));
        findings.add(SourceServerChecks.gtidMode(context.source()));
        return findings;
    }
}
