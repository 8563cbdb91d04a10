package io.ferry.migrator.precheck.items;

import io.ferry.common.TableId;
import io.ferry.common.server.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a destination applies to database and table names: at most 64 characters, no trailing space, no
 * NUL, only characters of the Basic Multilingual Plane; and with {@code lower_case_table_names} 1 or 2, no two
 * names that differ only in case.
 */
final class DestinationNames {

    static final int MAX_LENGTH = 64;

    private DestinationNames() {
    }

    /** Problems with the destination names, one finding each; empty when every name is accepted. */
    static List<Finding> problems(Collection<TableId> destinationTables, boolean caseInsensitive) {
        List<Finding> findings = new ArrayList<>();
        Set<String> seenDatabases = new HashSet<>();
        Map<String, String> databasesByFoldedName = new HashMap<>();
        Map<String, TableId> tablesByFoldedName = new HashMap<>();
        for (TableId table : destinationTables) {
            String database = table.database();
            if (seenDatabases.add(database)) {
                problem("database", database).ifPresent(findings::add);
                String other = caseInsensitive
                        ? databasesByFoldedName.putIfAbsent(database.toLowerCase(Locale.ROOT), database) : null;
                if (other != null) {
                    findings.add(clash("Databases " + other + " and " + database));
                }
            }
            problem("table", table.table()).ifPresent(findings::add);
            TableId other = caseInsensitive
                    ? tablesByFoldedName.putIfAbsent(table.toString().toLowerCase(Locale.ROOT), table) : null;
            if (other != null && !other.equals(table)) {
                findings.add(clash("Tables " + other + " and " + table));
            }
        }
        return findings;
    }

    private static Finding clash(String names) {
        return Finding.failure("names", names + " differ only in case, and the destination compares names"
                + " case-insensitively (lower_case_table_names is not 0)", "Rename one of them with mapping.rules");
    }

    private static Optional<Finding> problem(String kind, String name) {
        String why = null;
        if (name.isEmpty()) {
            why = "is empty";
        } else if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            why = "is longer than " + MAX_LENGTH + " characters";
        } else if (name.endsWith(" ")) {
            why = "ends with a space";
        } else if (name.indexOf('\u0000') >= 0) {
            why = "contains a NUL character";
        } else if (name.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
            why = "contains characters outside the Basic Multilingual Plane (e.g. emoji)";
        }
        return Optional.ofNullable(why).map(w -> Finding.failure(name, "The " + kind + " name '" + name
                + "' " + w + ", which the destination rejects", "Give it another destination name with mapping.rules"));
    }
}
