package io.ferry.source.stream;

import io.ferry.common.TableId;
import io.ferry.source.position.BinlogPosition;
import java.util.List;

/**
 * Tells the stream which changes the snapshot already delivered: a change to a key whose snapshot chunk
 * was read as of a later binlog position must not be emitted again, or a consumer would see the row go back
 * to an older state.
 */
public interface SnapshotOverlap {

    /** No snapshot to overlap with: every change is new. */
    SnapshotOverlap NONE = (table, key, end) -> false;

    /** True if the snapshot row of {@code key} in {@code table} already reflects the change ending at {@code end}. */
    boolean alreadyDelivered(TableId table, List<Object> key, BinlogPosition end);
}
