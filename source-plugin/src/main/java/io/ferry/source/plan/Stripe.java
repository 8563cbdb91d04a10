package io.ferry.source.plan;

import io.ferry.common.TableId;
import io.ferry.source.position.SourcePartitions;
import io.ferry.source.snapshot.ChunkRange;
import java.util.Map;

/**
 * One stripe of a table's snapshot: a contiguous key range read by one task, chunk by chunk. A table's
 * stripes cover its whole key space in index order.
 *
 * @param index   position among the table's stripes
 * @param stripes how many stripes the table has
 * @param epoch   which snapshot of the connector this stripe belongs to
 */
public record Stripe(TableId table, int index, int stripes, ChunkRange range, int epoch) {

    /** The Connect source partition under which this stripe's progress is stored. */
    public Map<String, Object> partition(String server) {
        return SourcePartitions.stripe(server, table, index, epoch);
    }

    @Override
    public String toString() {
        return table + " stripe " + (index + 1) + "/" + stripes + " " + range;
    }
}
