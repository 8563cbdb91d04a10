package io.ferry.sink;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an upsert does when the destination already holds a row with the event's key. Only the event's own key
 * counts: a conflict on a secondary unique key with another row is transient and never decided by this policy.
 */
public enum ConflictPolicy {
    /** The destination row wins; the event is skipped (DTS's default for the full phase). */
    KEEP_DESTINATION("keep-destination"),
    /** The event's row replaces the destination row (DTS's default for the incremental phase). */
    OVERWRITE("overwrite"),
    /** The task stops (or the record goes to the dead-letter topic) naming the key. */
    FAIL("fail");

    private final String configValue;

    ConflictPolicy(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static ConflictPolicy parse(String value) {
        for (ConflictPolicy policy : values()) {
            if (policy.configValue.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a conflict policy; use one of " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(ConflictPolicy::configValue).collect(Collectors.joining(", "));
    }
}
