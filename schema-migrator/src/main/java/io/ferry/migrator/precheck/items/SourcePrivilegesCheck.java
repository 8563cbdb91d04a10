package io.ferry.migrator.precheck.items;

import io.ferry.common.server.Finding;
import io.ferry.common.server.Grants;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import io.ferry.migrator.settings.MigrationType;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The source account: SELECT on every selected database, SHOW VIEW to read view definitions (schema), and
 * REPLICATION SLAVE + REPLICATION CLIENT on {@code *.*} to read the binlog (incremental).
 */
public final class SourcePrivilegesCheck implements PrecheckItem {

    @Override
    public String name() {
        return "source-privileges";
    }

    @Override
    public String title() {
        return "Privileges of the source account";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        MigratorSettings settings = context.settings();
        Grants grants = Grants.of(context.source());
        String user = settings.source().user();
        List<Finding> findings = new ArrayList<>();
        findings.add(PrivilegeFindings.onDatabases(grants, "SELECT", context.sourceDatabases(), user));
        if (settings.includes(MigrationType.SCHEMA)) {
            findings.add(PrivilegeFindings.onDatabases(grants, "SHOW VIEW", context.sourceDatabases(), user));
        }
        if (settings.includes(MigrationType.INCREMENTAL)) {
            findings.add(PrivilegeFindings.global(grants, "REPLICATION SLAVE", user));
            findings.add(PrivilegeFindings.global(grants, "REPLICATION CLIENT", user));
        }
        return findings;
    }
}
