package io.ferry.source.snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A contiguous range of keys {@code [start, end)}: start inclusive, end exclusive, {@code null} for
 * unbounded. Stripes and chunks are both ranges. Keys are Connect-level value tuples in key-column order;
 * whether a key lies inside is decided by a {@link KeyOrder}, never by the values' Java ordering.
 *
 * <p>Immutable. Equality compares byte arrays by content, so a range read back from an offset equals the
 * range that was written.
 */
public final class ChunkRange {

    /** The whole key space: what a table without a usable key is read as. */
    public static final ChunkRange ALL = new ChunkRange(null, null);

    private final List<Object> start;
    private final List<Object> end;

    private ChunkRange(List<Object> start, List<Object> end) {
        this.start = start == null ? null : copy(start);
        this.end = end == null ? null : copy(end);
    }

    /** The range {@code [start, end)}; either may be null for unbounded. */
    public static ChunkRange of(List<Object> start, List<Object> end) {
        if (start != null && end != null && start.size() != end.size()) {
            throw new IllegalArgumentException("Start " + start + " and end " + end + " differ in arity");
        }
        return new ChunkRange(start, end);
    }

    /** The inclusive start key, or null if unbounded below. */
    public List<Object> start() {
        return start;
    }

    /** The exclusive end key, or null if unbounded above. */
    public List<Object> end() {
        return end;
    }

    public boolean unboundedStart() {
        return start == null;
    }

    public boolean unboundedEnd() {
        return end == null;
    }

    /** Where {@code key} lies relative to this range, in {@code order}. */
    public ChunkPosition locate(List<Object> key, KeyOrder order) {
        if (start != null && order.compare(key, start) < 0) {
            return ChunkPosition.BEFORE;
        }
        if (end != null && order.compare(key, end) >= 0) {
            return ChunkPosition.AFTER;
        }
        return ChunkPosition.INSIDE;
    }

    public boolean contains(List<Object> key, KeyOrder order) {
        return locate(key, order) == ChunkPosition.INSIDE;
    }

    /** True if {@code key} is below this range's start. */
    public boolean isBefore(List<Object> key, KeyOrder order) {
        return locate(key, order) == ChunkPosition.BEFORE;
    }

    /** True if {@code key} is at or above this range's end. */
    public boolean isAfter(List<Object> key, KeyOrder order) {
        return locate(key, order) == ChunkPosition.AFTER;
    }

    /** The same range with a new start (e.g. to resume a stripe after its last completed chunk). */
    public ChunkRange withStart(List<Object> newStart) {
        return of(newStart, end);
    }

    /**
     * This range as flat Connect offset entries under {@code prefix} (e.g. {@code "chunk."}): every value is
     * a string, number or boolean, as Connect requires of offsets. See {@link KeyTupleFormat} for the keys.
     */
    public Map<String, Object> toOffset(String prefix) {
        Map<String, Object> offset = new LinkedHashMap<>();
        KeyTupleFormat.write(offset, prefix + KeyTupleFormat.START, start);
        KeyTupleFormat.write(offset, prefix + KeyTupleFormat.END, end);
        return offset;
    }

    /** The range written by {@link #toOffset(String)} with the same {@code prefix}. */
    public static ChunkRange fromOffset(Map<String, ?> offset, String prefix) {
        return of(KeyTupleFormat.read(offset, prefix + KeyTupleFormat.START),
                KeyTupleFormat.read(offset, prefix + KeyTupleFormat.END));
    }

    private static List<Object> copy(List<Object> key) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("A range bound needs at least one key value");
        }
        List<Object> copy = new ArrayList<>(key.size());
        for (Object value : key) {
            if (value == null) {
                throw new IllegalArgumentException("Key values are NOT NULL, got " + key);
            }
            copy.add(value instanceof byte[] bytes ? bytes.clone() : value);
        }
        return Collections.unmodifiableList(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkRange other && sameKey(start, other.start) && sameKey(end, other.end);
    }

    @Override
    public int hashCode() {
        return 31 * keyHash(start) + keyHash(end);
    }

    static boolean sameKey(List<Object> a, List<Object> b) {
        return a == null || b == null ? a == b : Arrays.deepEquals(a.toArray(), b.toArray());
    }

    private static int keyHash(List<Object> key) {
        return key == null ? 0 : Arrays.deepHashCode(key.toArray());
    }

    @Override
    public String toString() {
        return "[" + render(start, "-inf") + ", " + render(end, "+inf") + ")";
    }

    private static String render(List<Object> key, String unbounded) {
        if (key == null) {
            return unbounded;
        }
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < key.size(); i++) {
            Object value = key.get(i);
            text.append(i == 0 ? "" : ", ")
                    .append(value instanceof byte[] bytes ? "0x" + HexFormat.of().formatHex(bytes) : value);
        }
        return text.append(')').toString();
    }
}
