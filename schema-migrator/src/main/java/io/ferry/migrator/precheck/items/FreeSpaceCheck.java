package io.ferry.migrator.precheck.items;

import io.ferry.common.TableId;
import io.ferry.common.server.Finding;
import io.ferry.migrator.precheck.PrecheckContext;
import io.ferry.migrator.precheck.PrecheckItem;
import io.ferry.migrator.settings.MigrationType;
import io.ferry.migrator.settings.MigratorSettings;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The selected tables' size in the source against the free space of the destination's data directory. SQL
 * shows free space only where MariaDB's DISKS plugin is loaded; elsewhere the item passes and states the size.
 */
public final class FreeSpaceCheck implements PrecheckItem {

    /** Below this margin over the source size a full destination is likely (indexes rebuilt, binlogs, undo). */
    static final double MARGIN = 1.2;

    @Override
    public String name() {
        return "free-space";
    }

    @Override
    public String title() {
        return "Destination free space for the source data";
    }

    @Override
    public Set<Side> needs() {
        return Set.of(Side.SOURCE, Side.DESTINATION);
    }

    @Override
    public boolean appliesTo(MigratorSettings settings) {
        return settings.includes(MigrationType.FULL);
    }

    @Override
    public List<Finding> check(PrecheckContext context) throws SQLException {
        Set<TableId> tables = new HashSet<>(context.sourceTables());
        long size = 0;
        for (List<String> row : PrecheckContext.rows(context.source(), "SELECT TABLE_SCHEMA, TABLE_NAME,"
                + " COALESCE(DATA_LENGTH, 0) + COALESCE(INDEX_LENGTH, 0) FROM information_schema.TABLES")) {
            if (tables.contains(new TableId(row.get(0), row.get(1)))) {
                size += Long.parseLong(row.get(2));
            }
        }
        return List.of(compare(size, freeBytes(context)));
    }

    static Finding compare(long sourceBytes, OptionalLong freeBytes) {
        String subject = "free space";
        String needed = "The selected source tables take " + bytes(sourceBytes);
        if (freeBytes.isEmpty()) {
            return Finding.pass(subject, needed + "; the destination's free space cannot be read over SQL, make"
                    + " sure it has at least that much");
        }
        String have = needed + ", the destination's data directory has " + bytes(freeBytes.getAsLong()) + " free";
        if (freeBytes.getAsLong() < sourceBytes) {
            return Finding.failure(subject, have, "Free or add at least " + bytes(sourceBytes - freeBytes.getAsLong())
                    + " on the destination, or select fewer tables");
        }
        if (freeBytes.getAsLong() < sourceBytes * MARGIN) {
            return Finding.warning(subject, have + ", less than " + Math.round((MARGIN - 1) * 100) + " % to spare",
                    "Add space on the destination: the copy also writes binlogs and undo");
        }
        return Finding.pass(subject, have);
    }

    /** The free bytes of the disk holding the destination's data directory, from MariaDB's DISKS table. */
    private static OptionalLong freeBytes(PrecheckContext context) {
        try {
            String datadir = PrecheckContext.string(context.destination(), "SELECT @@datadir");
            long best = -1;
            int bestLength = -1;
            for (List<String> row : PrecheckContext.rows(context.destination(),
                    "SELECT Path, Available FROM information_schema.DISKS")) {
                String path = row.get(0);
                if (datadir != null && datadir.startsWith(path) && path.length() > bestLength) {
                    bestLength = path.length();
                    best = Long.parseLong(row.get(1)) * 1024; // DISKS counts KiB
                }
            }
            return best < 0 ? OptionalLong.empty() : OptionalLong.of(best);
        } catch (SQLException | NumberFormatException e) {
            return OptionalLong.empty(); // no DISKS plugin: not readable
        }
    }

    static String bytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KiB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
