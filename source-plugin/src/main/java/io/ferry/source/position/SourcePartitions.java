package io.ferry.source.position;

import io.ferry.common.TableId;
import java.util.Map;

/**
 * The Connect source partitions the connector stores offsets under. Their field names are part of the stored
 * state: never rename them.
 *
 * <ul>
 *   <li>{@code {server}}: the binlog stream of the source named by {@code topic.prefix};</li>
 *   <li>{@code {server, table, stripe}}: the progress of one stripe of one table's snapshot.</li>
 * </ul>
 */
public final class SourcePartitions {

    public static final String SERVER = "server";
    public static final String TABLE = "table";
    public static final String STRIPE = "stripe";

    private SourcePartitions() {
    }

    public static Map<String, Object> stream(String server) {
        return Map.of(SERVER, server);
    }

    public static final String EPOCH = "epoch";

    /**
     * A stripe of the snapshot numbered {@code epoch}: 0 for the first snapshot, one more for each snapshot
     * taken again because the stored binlog position was purged ({@code snapshot.mode=when_needed}).
     */
    public static Map<String, Object> stripe(String server, TableId table, int stripe, int epoch) {
        return epoch == 0 ? Map.of(SERVER, server, TABLE, table.toString(), STRIPE, stripe)
                : Map.of(SERVER, server, TABLE, table.toString(), STRIPE, stripe, EPOCH, epoch);
    }
}
