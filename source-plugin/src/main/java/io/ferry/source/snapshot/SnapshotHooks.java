package io.ferry.source.snapshot;

import io.ferry.common.TableId;

/**
 * Seams at the snapshot's watermarks, so that tests can make a write land exactly between a chunk's low
 * watermark and its SELECT, or between its SELECT and its high watermark, instead of hoping a concurrent
 * writer hits the window. Production code never sets a hook; an unset hook costs one volatile read.
 * A table without a key is one chunk, {@link ChunkRange#ALL}; read by a consistent snapshot, its "low
 * watermark" is the snapshot's position.
 */
public final class SnapshotHooks {

    /** Where in a chunk's read the hook runs. */
    public enum Point {
        /** The low watermark has been read; the SELECT has not started. */
        AFTER_LOW_WATERMARK,
        /** The SELECT has returned; the high watermark has not been read. */
        AFTER_SELECT
    }

    /** Runs at a {@link Point} of reading a chunk of a table. */
    @FunctionalInterface
    public interface Hook {
        void at(Point point, TableId table, ChunkRange chunk) throws Exception;
    }

    private static final Hook NONE = (point, table, chunk) -> { };
    private static volatile Hook hook = NONE;
    private static volatile boolean quietWindowForced;

    private SnapshotHooks() {
    }

    public static void set(Hook newHook) {
        hook = newHook;
    }

    public static void reset() {
        hook = NONE;
        quietWindowForced = false;
    }

    /**
     * Reads tables without a key by the quiet-window method even where the server offers an exact consistent
     * snapshot (MariaDB), so that tests against MariaDB cover the method MySQL uses.
     */
    public static void forceQuietWindow(boolean force) {
        quietWindowForced = force;
    }

    static boolean quietWindowForced() {
        return quietWindowForced;
    }

    static void fire(Point point, TableId table, ChunkRange chunk) {
        Hook current = hook;
        if (current == NONE) {
            return;
        }
        try {
            current.at(point, table, chunk);
        } catch (Exception e) {
            throw new IllegalStateException("Snapshot hook failed at " + point + " of " + table + " " + chunk, e);
        }
    }
}
