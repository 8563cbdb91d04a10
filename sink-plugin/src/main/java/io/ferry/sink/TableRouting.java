package io.ferry.sink;

import java.util.Locale;

/** Where the source table of a change event is read from. */
public enum TableRouting {
    /** From the envelope's {@code source.db} and {@code source.table}: works for any topic naming. */
    SOURCE,
    /** From the topic name, through {@code table.routing.topic.regex} (group 1 = database, group 2 = table). */
    TOPIC;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TableRouting parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
