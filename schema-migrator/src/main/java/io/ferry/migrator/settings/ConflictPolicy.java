package io.ferry.migrator.settings;

import java.util.Locale;

/** What the precheck makes of destination tables that already have a migrated table's (mapped) name. */
public enum ConflictPolicy {
    /** A failure: the migration must not write into tables it did not create. */
    ERROR,
    /** A warning: the existing tables are kept and written into. */
    IGNORE;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConflictPolicy parse(String value) {
        for (ConflictPolicy policy : values()) {
            if (policy.configValue().equalsIgnoreCase(value.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a conflict policy; allowed values: error, ignore");
    }
}
