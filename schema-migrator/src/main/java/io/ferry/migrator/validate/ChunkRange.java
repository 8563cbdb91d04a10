package io.ferry.migrator.validate;

import java.util.List;

/**
 * A range of key values, as canonical key text per key column: from {@code lower} (exclusive) to {@code upper}
 * (inclusive). A null bound is unbounded, so the first chunk also holds destination rows before the source's
 * first key, and the last chunk those after its last key.
 */
public record ChunkRange(List<String> lower, List<String> upper) {

    public ChunkRange {
        lower = lower == null ? null : List.copyOf(lower);
        upper = upper == null ? null : List.copyOf(upper);
    }

    /** The whole table. */
    public static ChunkRange all() {
        return new ChunkRange(null, null);
    }

    /** The chunk right after this one, up to {@code nextUpper} (null: to the end). */
    public ChunkRange next(List<String> nextUpper) {
        if (upper == null) {
            throw new IllegalStateException("The last chunk has no successor");
        }
        return new ChunkRange(upper, nextUpper);
    }

    public boolean last() {
        return upper == null;
    }

    @Override
    public String toString() {
        return "(" + (lower == null ? "-inf" : lower) + ", " + (upper == null ? "+inf" : upper) + "]";
    }
}
