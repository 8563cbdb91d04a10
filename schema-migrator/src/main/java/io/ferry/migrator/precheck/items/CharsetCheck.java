package io.ferry.migrator.precheck.items;

import io.ferry.common.TableId;
import io.ferry.common.server.Finding;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collations (and so character sets) used by the selected databases, tables and columns that the destination
 * does not have: creating those objects would fail.
 */
public final class CharsetCheck implements PrecheckItem {

    @Override
    public String name() {
        return "charsets";
    }

    @Override
    public String title() {
        return "Character sets and collations the destination lacks";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE, Side.DESTINATION);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        Set<TableId> tables = new HashSet<>(context.sourceTables());
        Set<String> databases = context.sourceDatabases();
        Map<String, String> used = new TreeMap<>();
        Connection source = context.source();
        for (List<String> row : PrecheckContext.rows(source, "SELECT SCHEMA_NAME, DEFAULT_COLLATION_NAME"
                + " FROM information_schema.SCHEMATA")) {
            if (databases.contains(row.get(0))) {
                used.putIfAbsent(row.get(1), "database " + row.get(0));
            }
        }
        for (List<String> row : PrecheckContext.rows(source, "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_COLLATION"
                + " FROM information_schema.TABLES WHERE TABLE_COLLATION IS NOT NULL UNION ALL SELECT TABLE_SCHEMA,"
                + " TABLE_NAME, COLLATION_NAME FROM information_schema.COLUMNS WHERE COLLATION_NAME IS NOT NULL")) {
            TableId table = new TableId(row.get(0), row.get(1));
            if (tables.contains(table)) {
                used.putIfAbsent(row.get(2), "table " + table);
            }
        }
        List<Finding> findings = missing(used, available(context.destination()));
        return findings.isEmpty() ? List.of(Finding.pass("collations", "The destination has all " + used.size()
                + " collation(s) in use: " + String.join(", ", used.keySet()))) : findings;
    }

    /** One failure per collation in {@code used} (collation to where it is used) that is not available. */
    static List<Finding> missing(Map<String, String> used, Set<String> available) {
        List<Finding> findings = new ArrayList<>();
        used.forEach((collation, where) -> {
            if (!available.contains(collation.toLowerCase(Locale.ROOT))) {
                String charset = collation.contains("_") ? collation.substring(0, collation.indexOf('_')) : collation;
                findings.add(Finding.failure(collation, "The destination has no collation " + collation
                        + " (used by " + where + ")", "Convert those objects to a collation of " + charset
                        + " that both servers have, or use a destination version that has " + collation));
            }
        });
        return findings;
    }

    /**
     * The destination's collations. MariaDB 10.10+ lists UCA 14 collations without their character set in
     * COLLATIONS ({@code uca1400_ai_ci}) and with it only in the applicability table.
     */
    private static Set<String> available(Connection destination) throws SQLException {
        Set<String> names = new HashSet<>();
        PrecheckContext.rows(destination, "SELECT COLLATION_NAME FROM information_schema.COLLATIONS")
                .forEach(r -> names.add(r.get(0).toLowerCase(Locale.ROOT)));
        try {
            PrecheckContext.rows(destination, "SELECT FULL_COLLATION_NAME"
                    + " FROM information_schema.COLLATION_CHARACTER_SET_APPLICABILITY")
                    .forEach(r -> names.add(r.get(0).toLowerCase(Locale.ROOT)));
        } catch (SQLException e) {
            // MySQL and older MariaDB: COLLATIONS has every full name already.
        }
        return names;
    }
}
