package io.ferry.migrator.precheck.items;

import io.ferry.common.server.Finding;
import io.ferry.common.server.Grants;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import io.ferry.migrator.settings.MigrationType;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The destination account, on every destination (mapped) database: creating and changing the schema objects
 * (schema) and writing rows (full, incremental).
 */
public final class DestinationPrivilegesCheck implements PrecheckItem {

    static final List<String> SCHEMA_PRIVILEGES = List.of("CREATE", "ALTER", "DROP", "INDEX", "CREATE VIEW",
            "CREATE ROUTINE", "TRIGGER");
    static final List<String> DATA_PRIVILEGES = List.of("SELECT", "INSERT", "UPDATE", "DELETE");

    @Override
    public String name() {
        return "destination-privileges";
    }

    @Override
    public String title() {
        return "Privileges of the destination account";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE, Side.DESTINATION);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        MigratorSettings settings = context.settings();
        Set<String> privileges = new LinkedHashSet<>();
        if (settings.includes(MigrationType.SCHEMA)) {
            privileges.addAll(SCHEMA_PRIVILEGES);
        }
        if (settings.includes(MigrationType.FULL) || settings.includes(MigrationType.INCREMENTAL)) {
            privileges.addAll(DATA_PRIVILEGES);
        }
        Grants grants = Grants.of(context.destination());
        Set<String> databases = context.destinationDatabases();
        List<Finding> findings = new ArrayList<>();
        for (String privilege : privileges) {
            findings.add(PrivilegeFindings.onDatabases(grants, privilege, databases, settings.destination().user()));
        }
        return findings;
    }
}
