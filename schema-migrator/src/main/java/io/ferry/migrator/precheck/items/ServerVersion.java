package io.ferry.migrator.precheck.items;

import io.ferry.common.server.Finding;
import io.ferry.common.server.ServerFlavor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's flavor and version from {@code SELECT VERSION()}, and whether a schema and its data can move from
 * one server to another.
 */
record ServerVersion(ServerFlavor flavor, int major, int minor, int patch, String text)
        implements Comparable<ServerVersion> {

    private static final Pattern NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    static ServerVersion parse(String version) {
        // MariaDB 10 once reported "5.5.5-10.x.y-MariaDB" through some proxies: the real version follows "5.5.5-".
        String text = version.startsWith("5.5.5-") ? version.substring(6) : version;
        Matcher m = NUMBERS.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("Not a server version: " + version);
        }
        return new ServerVersion(ServerFlavor.fromVersion(version), Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), version);
    }

    @Override
    public int compareTo(ServerVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c != 0 ? c : Integer.compare(patch, other.patch);
    }

    String shortName() {
        return (flavor == ServerFlavor.MARIADB ? "MariaDB " : "MySQL ") + major + "." + minor + "." + patch;
    }

    /** Whether objects and rows from {@code source} fit this server as the destination. */
    static Finding compatibility(ServerVersion source, ServerVersion destination) {
        String pair = source.shortName() + " to " + destination.shortName();
        if (source.flavor() == ServerFlavor.MYSQL && destination.flavor() == ServerFlavor.MARIADB) {
            return Finding.warning("flavor", pair + ": JSON columns become LONGTEXT with a JSON_VALID check,"
                    + " MySQL 8 collations (utf8mb4_0900_*) may be missing, and MySQL-only functions or syntax in"
                    + " generated columns, defaults, views and routines fail to create",
                    "Run the schema migration with --dry-run or --assess first and adjust the objects it flags");
        }
        if (source.flavor() == ServerFlavor.MARIADB && destination.flavor() == ServerFlavor.MYSQL) {
            return Finding.warning("flavor", pair + ": sequences, system-versioned tables, INET4/INET6/UUID"
                    + " columns, uca1400 collations and MariaDB-only syntax do not exist in MySQL",
                    "Run the schema migration with --dry-run or --assess first and adjust the objects it flags");
        }
        if (destination.major() < source.major()
                || destination.major() == source.major() && destination.minor() < source.minor()) {
            return Finding.warning("version", pair + ": the destination is older, so objects using newer"
                    + " features may fail to create", "Use a destination of version " + source.major() + "."
                    + source.minor() + " or later, or check the objects the schema migration reports");
        }
        return Finding.pass("version", pair + " is supported");
    }
}
