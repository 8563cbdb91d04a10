package io.ferry.source.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * A binlog row change as the backfill sees it: the key before and after, and the full after-image.
 *
 * @param before  the key before the change; null for an insert
 * @param after   the key after the change; null for a delete
 * @param row     the full after-image; null for a delete
 * @param <R>     the row representation
 */
public record RowChange<R>(List<Object> before, List<Object> after, R row) {

    public RowChange {
        if (before == null && after == null) {
            throw new IllegalArgumentException("A change needs a key before or after");
        }
        if ((after == null) != (row == null)) {
            throw new IllegalArgumentException("A change has an after-image exactly when it has a key after");
        }
    }

    public static <R> RowChange<R> insert(List<Object> key, R row) {
        return new RowChange<>(null, Objects.requireNonNull(key, "key"), row);
    }

    /** An update; {@code before} and {@code after} differ when it changes the key. */
    public static <R> RowChange<R> update(List<Object> before, List<Object> after, R row) {
        return new RowChange<>(Objects.requireNonNull(before, "before"), Objects.requireNonNull(after, "after"),
                row);
    }

    public static <R> RowChange<R> delete(List<Object> key) {
        return new RowChange<>(Objects.requireNonNull(key, "key"), null, null);
    }
}
