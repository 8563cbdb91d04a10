package io.ferry.source.position;

import java.util.Objects;

/**
 * A point in one server's binary log: a file and a byte offset in it. Events are placed by their end
 * position (the binlog header's {@code log_pos}), which is also what {@code SHOW MASTER STATUS} reports
 * for "everything written so far"; so an event is covered by a watermark {@code w} iff
 * {@code event.compareTo(w) <= 0}.
 *
 * <p>Positions of different servers do not compare; within a server, files compare by their numeric
 * suffix ({@code binlog.000009 < binlog.000010}, also across the roll-over to seven digits).
 */
public record BinlogPosition(String file, long pos) implements Comparable<BinlogPosition> {

    public BinlogPosition {
        Objects.requireNonNull(file, "file");
        if (pos < 0) {
            throw new IllegalArgumentException("negative binlog position " + pos);
        }
    }

    @Override
    public int compareTo(BinlogPosition other) {
        int byFile = Long.compare(sequence(file), sequence(other.file));
        if (byFile == 0 && !file.equals(other.file)) {
            byFile = file.compareTo(other.file);
        }
        return byFile != 0 ? byFile : Long.compare(pos, other.pos);
    }

    public boolean isAfter(BinlogPosition other) {
        return compareTo(other) > 0;
    }

    /** The numeric suffix of a binlog file name, {@code binlog.000042} → 42; -1 if there is none. */
    static long sequence(String file) {
        int dot = file.lastIndexOf('.');
        if (dot < 0 || dot == file.length() - 1) {
            return -1;
        }
        try {
            return Long.parseLong(file.substring(dot + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return file + ":" + pos;
    }
}
