package io.ferry.common.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The privileges of the current account, as {@code SHOW GRANTS FOR CURRENT_USER()} prints them, by level:
 * global ({@code *.*}) and per database (whose name may be a {@code LIKE} pattern). Table, column and routine
 * grants and granted roles are not resolved: a check built on this class catches a wrong or read-only account,
 * and a gap it cannot see fails later on the object's name.
 */
public final class Grants {

    private static final Pattern GRANT = Pattern.compile("^GRANT (.+?) ON (.+?) TO ", Pattern.CASE_INSENSITIVE);
    /** MariaDB's newer names, shown by SHOW GRANTS, for the names Ferry's documentation uses. */
    private static final List<List<String>> ALIASES = List.of(
            List.of("REPLICATION SLAVE", "REPLICATION REPLICA"),
            List.of("REPLICATION CLIENT", "BINLOG MONITOR"));

    private record Grant(Set<String> privileges, Pattern database, boolean global) {
    }

    private final List<Grant> grants;

    private Grants(List<Grant> grants) {
        this.grants = grants;
    }

    /** Reads the grants of the connection's account. */
    public static Grants of(Connection connection) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GRANTS FOR CURRENT_USER()")) {
            while (rs.next()) {
                statements.add(rs.getString(1));
            }
        }
        return parse(statements);
    }

    /** Parses {@code SHOW GRANTS} output lines; lines that grant roles, proxies or single objects are skipped. */
    public static Grants parse(List<String> statements) {
        List<Grant> grants = new ArrayList<>();
        for (String statement : statements) {
            Matcher m = GRANT.matcher(statement.trim());
            if (!m.find()) {
                continue; // a granted role: GRANT `role` TO ...
            }
            String scope = m.group(2).trim();
            Set<String> privileges = privileges(m.group(1));
            if (scope.equals("*.*")) {
                grants.add(new Grant(privileges, null, true));
            } else if (scope.endsWith(".*")) {
                grants.add(new Grant(privileges, likePattern(unquote(scope.substring(0, scope.length() - 2))), false));
            }
        }
        return new Grants(List.copyOf(grants));
    }

    /** Whether {@code privilege} is granted on {@code *.*}. */
    public boolean global(String privilege) {
        return grants.stream().anyMatch(g -> g.global() && covers(g, privilege));
    }

    /** Whether {@code privilege} is granted on {@code *.*} or on a database grant matching {@code database}. */
    public boolean onDatabase(String privilege, String database) {
        return grants.stream().anyMatch(g -> covers(g, privilege)
                && (g.global() || g.database().matcher(database).matches()));
    }

    private static boolean covers(Grant grant, String privilege) {
        String wanted = normalize(privilege);
        if (grant.privileges().contains("ALL PRIVILEGES") || grant.privileges().contains("ALL")) {
            return !wanted.equals("GRANT OPTION");
        }
        for (List<String> names : ALIASES) {
            if (names.contains(wanted)) {
                return names.stream().anyMatch(grant.privileges()::contains);
            }
        }
        return grant.privileges().contains(wanted);
    }

    private static Set<String> privileges(String list) {
        // Column lists ("SELECT (`a`, `b`)") contain commas: drop them before splitting.
        String withoutColumns = list.replaceAll("\\([^)]*\\)", "");
        return Set.copyOf(java.util.Arrays.stream(withoutColumns.split(","))
                .map(Grants::normalize).filter(p -> !p.isEmpty()).toList());
    }

    private static String normalize(String privilege) {
        return privilege.trim().replace('_', ' ').replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    private static String unquote(String name) {
        String trimmed = name.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("`") && trimmed.endsWith("`")) {
            return trimmed.substring(1, trimmed.length() - 1).replace("``", "`");
        }
        return trimmed;
    }

    /** A database grant's name: {@code _} and {@code %} are wildcards unless escaped with a backslash. */
    private static Pattern likePattern(String name) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' && i + 1 < name.length()) {
                regex.append(Pattern.quote(String.valueOf(name.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
