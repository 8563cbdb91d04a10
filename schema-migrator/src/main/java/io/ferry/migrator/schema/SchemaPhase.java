package io.ferry.migrator.schema;

import java.util.Locale;

/**
 * When a part of the schema is created. Pre-data objects exist before the full copy starts; foreign keys and
 * triggers wait for post-data (cutover) so that replicated writes neither violate nor fire them.
 */
public enum SchemaPhase {
    /** Databases, tables (without foreign keys), routines, views and, if selected, events. */
    PRE_DATA,
    /** Foreign keys and triggers. */
    POST_DATA;

    /** {@code pre-data} or {@code post-data}, as the command line spells it. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SchemaPhase parse(String value) {
        for (SchemaPhase phase : values()) {
            if (phase.configValue().equalsIgnoreCase(value.trim())) {
                return phase;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a schema phase; allowed values: pre-data,"
                + " post-data");
    }
}
