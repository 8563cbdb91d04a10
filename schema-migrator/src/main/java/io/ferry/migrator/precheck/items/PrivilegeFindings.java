package io.ferry.migrator.precheck.items;

import io.ferry.common.Identifiers;
import io.ferry.common.server.Finding;
import io.ferry.common.server.Grants;
import java.util.Collection;
import java.util.List;

/** One finding per privilege: granted where it is needed, or the GRANT statement that fixes it. */
final class PrivilegeFindings {

    private PrivilegeFindings() {
    }

    static Finding onDatabases(Grants grants, String privilege, Collection<String> databases, String user) {
        List<String> missing = databases.stream().filter(db -> !grants.onDatabase(privilege, db)).toList();
        if (missing.isEmpty()) {
            return Finding.pass(privilege, privilege + " is granted" + (databases.isEmpty() ? ""
                    : " on " + String.join(", ", databases)));
        }
        String target = missing.size() == 1 ? Identifiers.quote(missing.get(0)) + ".*" : "*.* (or each database)";
        return Finding.failure(privilege, "The account lacks " + privilege + " on " + String.join(", ", missing),
                "GRANT " + privilege + " ON " + target + " TO " + Identifiers.literal(user));
    }

    static Finding global(Grants grants, String privilege, String user) {
        return grants.global(privilege) ? Finding.pass(privilege, privilege + " is granted on *.*")
                : Finding.failure(privilege, "The account lacks " + privilege + " on *.*",
                        "GRANT " + privilege + " ON *.* TO " + Identifiers.literal(user));
    }
}
