package io.ferry.migrator.settings;

import java.util.Locale;

/** What a migration does; the precheck runs the checks the chosen types need. */
public enum MigrationType {
    /** Create databases, tables and other objects in the destination. */
    SCHEMA,
    /** Copy the rows that exist when the migration starts. */
    FULL,
    /** Then follow the source's binlog until cutover. */
    INCREMENTAL;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MigrationType parse(String value) {
        for (MigrationType type : values()) {
            if (type.configValue().equalsIgnoreCase(value.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a migration type; allowed values: schema, full,"
                + " incremental");
    }
}
