package io.ferry.source.position;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where streaming resumes, as stored in a Connect source offset. A binlog connection can only start at a
 * transaction boundary, so the offset names the boundary before the transaction being emitted plus how much
 * of that transaction was already emitted: {@code rowEvents} whole row events, then {@code rows} rows of the
 * next one. A restart reconnects at {@code restart}, skips exactly that much, and so neither loses nor
 * repeats a row.
 *
 * @param restart   the transaction boundary to reconnect at
 * @param gtids     the server's executed GTID set at {@code restart} (MariaDB {@code 0-1-42} list or MySQL
 *                  {@code uuid:1-42} set); null where GTIDs are off
 * @param rowEvents row events of the current transaction already emitted in full
 * @param rows      rows of the next row event already emitted
 */
public record StreamOffset(BinlogPosition restart, String gtids, int rowEvents, int rows) {

    public static final String FILE = "file";
    public static final String POS = "pos";
    public static final String GTIDS = "gtids";
    public static final String ROW_EVENTS = "row_events";
    public static final String ROWS = "rows";
    /** The snapshot the stream follows (see {@link SourcePartitions#stripe}); stored beside the position. */
    public static final String SNAPSHOT_EPOCH = "snapshot_epoch";

    public StreamOffset {
        Objects.requireNonNull(restart, "restart");
        if (rowEvents < 0 || rows < 0) {
            throw new IllegalArgumentException("negative skip counts " + rowEvents + "/" + rows);
        }
    }

    /** The start of a transaction, nothing of it emitted yet. */
    public static StreamOffset at(BinlogPosition restart, String gtids) {
        return new StreamOffset(restart, gtids, 0, 0);
    }

    /** The same transaction with one more row emitted from the current row event. */
    public StreamOffset plusRow() {
        return new StreamOffset(restart, gtids, rowEvents, rows + 1);
    }

    /** The same transaction with the current row event completely emitted. */
    public StreamOffset plusRowEvent() {
        return new StreamOffset(restart, gtids, rowEvents + 1, 0);
    }

    /** Adds this offset's fields to a Connect source offset map. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new HashMap<>();
        map.put(FILE, restart.file());
        map.put(POS, restart.pos());
        if (gtids != null) {
            map.put(GTIDS, gtids);
        }
        map.put(ROW_EVENTS, rowEvents);
        map.put(ROWS, rows);
        return map;
    }

    /** {@link #toMap()} plus the epoch of the snapshot the stream follows. */
    public Map<String, Object> toMap(int epoch) {
        Map<String, Object> map = toMap();
        map.put(SNAPSHOT_EPOCH, epoch);
        return map;
    }

    /** The snapshot epoch stored with a stream offset; 0 if none was stored. */
    public static int epochOf(Map<String, ?> map) {
        return intOf(map.get(SNAPSHOT_EPOCH));
    }

    /** Reads the fields written by {@link #toMap()}; numbers may come back as Integer or Long. */
    public static StreamOffset fromMap(Map<String, ?> map) {
        Object file = map.get(FILE);
        Object pos = map.get(POS);
        if (!(file instanceof String) || !(pos instanceof Number)) {
            throw new IllegalArgumentException("Not a binlog offset: " + map);
        }
        return new StreamOffset(new BinlogPosition((String) file, ((Number) pos).longValue()),
                (String) map.get(GTIDS), intOf(map.get(ROW_EVENTS)), intOf(map.get(ROWS)));
    }

    private static int intOf(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }
}
