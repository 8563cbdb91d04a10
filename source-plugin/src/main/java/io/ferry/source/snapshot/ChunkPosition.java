package io.ferry.source.snapshot;

/** Where a key lies relative to a {@link ChunkRange}, in the server's key order. */
public enum ChunkPosition {
    /** Below the range's start: the key belongs to an earlier chunk. */
    BEFORE,
    /** Within {@code [start, end)}. */
    INSIDE,
    /** At or above the range's end: the key belongs to a later chunk. */
    AFTER
}
