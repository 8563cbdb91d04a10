package io.ferry.source;

import io.ferry.common.config.ConfigEnums;
import java.util.Arrays;
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
        return ConfigEnums.value(this);
    }

    public static SnapshotMode parse(String value) {
        return ConfigEnums.parse(SnapshotMode.class, value);
    }

    public boolean snapshots() {
        return this != NEVER;
    }

    public boolean streams() {
        return this != INITIAL_ONLY;
    }

    static String[] configValues() {
        return ConfigEnums.values(SnapshotMode.class);
    }

    static String describe() {
        return Arrays.stream(values()).map(SnapshotMode::configValue).collect(Collectors.joining(", "));
    }
}
