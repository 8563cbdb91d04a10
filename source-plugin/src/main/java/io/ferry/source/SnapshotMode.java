package io.ferry.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** When the connector takes a snapshot; the values of {@code snapshot.mode}. */
public enum SnapshotMode {
    /** Snapshot the selected tables on the first start, then stream the binlog. */
    INITIAL,
    /** Snapshot only (a full migration): the tasks report completion and stop producing. */
    INITIAL_ONLY,
    /** Never snapshot: stream from the current binlog position, or from the stored offset. */
    NEVER,
    /** Like initial, and snapshot again if the stored binlog position is no longer on the server. */
    WHEN_NEEDED;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SnapshotMode parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public boolean snapshots() {
        return this != NEVER;
    }

    public boolean streams() {
        return this != INITIAL_ONLY;
    }

    static String[] configValues() {
        return Arrays.stream(values()).map(SnapshotMode::configValue).toArray(String[]::new);
    }

    static String describe() {
        return Arrays.stream(values()).map(SnapshotMode::configValue).collect(Collectors.joining(", "));
    }
}
