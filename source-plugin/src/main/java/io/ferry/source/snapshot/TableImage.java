package io.ferry.source.snapshot;

import io.ferry.source.position.BinlogPosition;
import java.util.List;
import org.apache.kafka.connect.data.Struct;

/**
 * Every row of a table exactly as it was at one binlog position: every change ending at or before
 * {@code asOf} is in the rows, none after it.
 *
 * @param rows     the rows, duplicates included, in the order the server returned them
 * @param asOf     a transaction boundary the stream can start from
 * @param attempts how many reads it took (more than one only where a read had to be repeated)
 */
record TableImage(List<Struct> rows, BinlogPosition asOf, int attempts) {

    TableImage {
        rows = List.copyOf(rows);
    }
}
