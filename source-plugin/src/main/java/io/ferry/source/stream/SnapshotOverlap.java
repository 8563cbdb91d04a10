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
    SnapshotOverlap NONE = new SnapshotOverlap() {
        @Override
        public boolean mayCover(TableId table, BinlogPosition end) {
            return false;
        }

        @Override
        public boolean alreadyDelivered(TableId table, List<Object> key, BinlogPosition end) {
            return false;
        }
    };

    /** A cheap first test: false if no snapshot row of {@code table} is as of {@code end} or later. */
    boolean mayCover(TableId table, BinlogPosition end);

    /** True if the snapshot row of {@code key} in {@code table} already reflects the change ending at {@code end}. */
    boolean alreadyDelivered(TableId table, List<Object> key, BinlogPosition end);
}
