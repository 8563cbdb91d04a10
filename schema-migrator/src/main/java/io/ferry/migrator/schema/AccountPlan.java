package io.ferry.migrator.schema;

import io.ferry.common.Identifiers;
import io.ferry.common.server.ServerFlavor;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The accounts {@code accounts.include} selects ({@code --accounts}): each user as {@code SHOW CREATE USER}
 * prints it (authentication plugin and password hash kept, so passwords keep working), each MariaDB role as
 * {@code CREATE ROLE}, then each {@code SHOW GRANTS} line as its own object with its database, table and column
 * names mapped. Roles come first so that users can be granted them. The server's own accounts are never copied.
 */
final class AccountPlan {

    /** Accounts that belong to the server itself. */
    static final Set<String> SYSTEM_USERS = Set.of("mariadb.sys", "mysql.sys", "mysql.session", "mysql.infoschema");

    private final Connection source;
    private final MigratorSettings settings;

    AccountPlan(Connection source, MigratorSettings settings) {
        this.source = source;
        this.settings = settings;
    }

    List<SchemaObject> objects() throws SQLException {
        List<AccountPattern> patterns = settings.accountsInclude().stream().map(AccountPattern::parse).toList();
        if (patterns.isEmpty()) {
            return List.of(SchemaObject.failed(ObjectKind.ACCOUNT, "accounts.include", null, null,
                    "--accounts needs accounts.include: the user@host patterns of the accounts to copy"));
        }
        boolean mariaDb = ServerFlavor.fromVersion(source.getMetaData().getDatabaseProductVersion())
                == ServerFlavor.MARIADB;
        if (!mariaDb) {
            // MySQL 8 prints binary password hashes raw unless asked for hex, which a statement cannot carry.
            try (Statement statement = source.createStatement()) {
                statement.execute("SET SESSION print_identified_with_as_hex = ON");
            } catch (SQLException e) {
                // Before MySQL 8.0.17: hashes are printed as text, as those versions' plugins produce them.
            }
        }
        List<List<String>> accounts = SourceSchema.rows(source, "SELECT User, Host, "
                + (mariaDb ? "is_role" : "'N'") + " FROM mysql.user ORDER BY 3 DESC, User, Host");
        List<SchemaObject> objects = new ArrayList<>();
        for (List<String> account : accounts) {
            String user = account.get(0);
            String host = account.get(1);
            boolean role = "Y".equals(account.get(2));
            if (SYSTEM_USERS.contains(user) || patterns.stream().noneMatch(p -> p.matches(user, role ? "" : host))) {
                continue;
            }
            objects.addAll(account(role ? Identifiers.quote(user)
                    : Identifiers.literal(user) + "@" + Identifiers.literal(host), role));
        }
        return objects;
    }

    private List<SchemaObject> account(String account, boolean role) {
        List<SchemaObject> objects = new ArrayList<>();
        try {
            String create = role ? "CREATE ROLE " + account
                    : SourceSchema.rows(source, "SHOW CREATE USER " + account).get(0).get(0);
            objects.add(SchemaObject.create(ObjectKind.ACCOUNT, account, null, null, List.of(create), null,
                    role ? "" : SchemaObject.normalize(ObjectKind.ACCOUNT, create), ""));
            for (List<String> row : SourceSchema.rows(source, "SHOW GRANTS FOR " + account)) {
                String grant = GrantStatement.rename(row.get(0), settings.mapping());
                objects.add(SchemaObject.create(ObjectKind.GRANT, account, null, summary(grant), List.of(grant),
                        null, SchemaObject.normalize(ObjectKind.GRANT, grant), ""));
            }
        } catch (SQLException | RuntimeException e) {
            objects.add(SchemaObject.failed(ObjectKind.ACCOUNT, account, null, null, "cannot read the account: "
                    + e.getMessage() + " (the source account needs SELECT on the mysql database)"));
        }
        return objects;
    }

    /** What a grant line gives, without the account it repeats and its password hash. */
    private static String summary(String grant) {
        int to = grant.toUpperCase(java.util.Locale.ROOT).lastIndexOf(" TO ");
        String what = to > 0 ? grant.substring(0, to) : grant;
        return what.length() > 80 ? what.substring(0, 77) + "..." : what;
    }
}
