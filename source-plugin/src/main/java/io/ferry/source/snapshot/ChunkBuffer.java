package io.ferry.source.snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The rows of one chunk in memory, between its SELECT and its emission: first filled from the SELECT, then
 * brought forward to the high watermark by applying the binlog changes made in between (the backfill).
 * Keys are held in the server's {@link KeyOrder}, so keys the server sees as equal (e.g. 'a' and 'A' under a
 * case-insensitive collation) are one entry, as they are one row in the table.
 *
 * <p>Only keys inside the chunk's range are kept: a change whose key lies outside is either already emitted
 * by an earlier chunk or will be read by a later one.
 *
 * @param <R> the row representation
 */
public final class ChunkBuffer<R> {

    private final ChunkRange range;
    private final KeyOrder order;
    private final NavigableMap<List<Object>, R> rows;

    public ChunkBuffer(ChunkRange range, KeyOrder order) {
        this.range = range;
        this.order = order;
        this.rows = new TreeMap<>(order);
    }

    public ChunkRange range() {
        return range;
    }

    /** Adds a row read by the chunk's SELECT. */
    public void put(List<Object> key, R row) {
        if (!range.contains(key, order)) {
            throw new IllegalArgumentException("Key " + key + " read for chunk " + range + " lies outside it:"
                    + " the key order disagrees with the server's");
        }
        rows.put(List.copyOf(key), row);
    }

    /**
     * Applies a change made between the watermarks: an insert or update puts the after-image under its key,
     * a delete removes the key, and an update that changes the key removes the old key and puts the new one
     * (each only where it lies inside the chunk).
     *
     * @return whether the buffer changed
     */
    public boolean apply(RowChange<R> change) {
        boolean changed = false;
        if (change.before() != null && change.after() == null
                || change.before() != null && order.compare(change.before(), change.after()) != 0) {
            changed = range.contains(change.before(), order) && rows.remove(change.before()) != null;
        }
        if (change.after() != null && range.contains(change.after(), order)) {
            // Remove first: a TreeMap keeps the old key object on put, and the new spelling must win.
            rows.remove(change.after());
            rows.put(List.copyOf(change.after()), change.row());
            changed = true;
        }
        return changed;
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The row under {@code key} (or a key the server sees as equal), or null. */
    public R get(List<Object> key) {
        return rows.get(key);
    }

    /** The keys and rows in key order, as of the last change applied; a read-only view. */
    public Map<List<Object>, R> rows() {
        return Collections.unmodifiableMap(rows);
    }

    /** The rows alone, in key order. */
    public List<R> values() {
        return new ArrayList<>(rows.values());
    }
}
