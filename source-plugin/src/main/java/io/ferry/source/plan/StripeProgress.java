package io.ferry.source.plan;

import io.ferry.source.position.BinlogPosition;
import io.ferry.source.position.StreamOffset;
import io.ferry.source.snapshot.ChunkRange;
import java.util.HashMap;
import java.util.Map;

/**
 * The stored progress of one stripe, its Connect offset: the stripe's range (so that a restarted connector
 * keeps the boundaries it planned), what is still to read, where the stripe's own binlog reader resumes,
 * and, once finished, the binlog position as of which every row of the stripe has been delivered.
 *
 * @param stripes   how many stripes the table has
 * @param range     the whole stripe
 * @param remaining the part not yet read: {@code range} with its start moved past the completed chunks
 * @param reader    where the stripe's binlog reader resumes (changes up to here have been delivered)
 * @param finished  null while the stripe is being read; then the position its rows are delivered as of
 */
public record StripeProgress(int stripes, ChunkRange range, ChunkRange remaining, StreamOffset reader,
                             BinlogPosition finished) {

    private static final String STRIPES = "stripes";
    private static final String RANGE = "range.";
    private static final String REMAINING = "todo.";
    private static final String DONE = "done";
    private static final String FINAL_FILE = "final_file";
    private static final String FINAL_POS = "final_pos";

    public boolean done() {
        return finished != null;
    }

    public StripeProgress chunkDone(ChunkRange rest, StreamOffset readerAfter) {
        return new StripeProgress(stripes, range, rest, readerAfter, null);
    }

    public StripeProgress finish(StreamOffset readerAfter) {
        return new StripeProgress(stripes, range, remaining, readerAfter, readerAfter.restart());
    }

    public Map<String, Object> toOffset() {
        Map<String, Object> offset = new HashMap<>(reader.toMap());
        offset.put(STRIPES, stripes);
        offset.putAll(range.toOffset(RANGE));
        offset.putAll(remaining.toOffset(REMAINING));
        offset.put(DONE, done());
        if (done()) {
            offset.put(FINAL_FILE, finished.file());
            offset.put(FINAL_POS, finished.pos());
        }
        return offset;
    }

    public static StripeProgress fromOffset(Map<String, ?> offset) {
        BinlogPosition finished = Boolean.TRUE.equals(offset.get(DONE))
                ? new BinlogPosition((String) offset.get(FINAL_FILE), ((Number) offset.get(FINAL_POS)).longValue())
                : null;
        return new StripeProgress(((Number) offset.get(STRIPES)).intValue(), ChunkRange.fromOffset(offset, RANGE),
                ChunkRange.fromOffset(offset, REMAINING), StreamOffset.fromMap(offset), finished);
    }
}
