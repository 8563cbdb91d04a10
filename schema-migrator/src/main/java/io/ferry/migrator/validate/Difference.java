package io.ferry.migrator.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One differing row.
 *
 * @param key source key column to canonical key text; for a keyless table {@code rowHash} to the row's MD5
 * @param rows how many rows it stands for: 1 for a keyed table, the surplus of that row hash for a keyless one
 */
public record Difference(Kind kind, Map<String, String> key, long rows) {

    /** What differs about the row. */
    public enum Kind {
        /** In the source, not in the destination. */
        MISSING,
        /** In the destination, not in the source (or not passing the source's row filter). */
        EXTRA,
        /** On both sides with the same key, with different values. */
        DIFFERENT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Difference {
        Objects.requireNonNull(kind, "kind");
        key = Collections.unmodifiableMap(new LinkedHashMap<>(key)); // key column order matters to readers
    }

    /** {@code id=5, name=a} (key order kept). */
    public String keyText() {
        return key.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
