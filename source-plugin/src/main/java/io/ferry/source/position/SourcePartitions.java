package io.ferry.source.position;

import io.ferry.common.TableId;
import java.util.HashMap;
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
        // Connect finds an offset by the serialized bytes of its partition, so the key order must not vary:
        // Map.of iterates in an order salted per JVM, so a stripe stored by one worker would be missed by the
        // next. A default-sized HashMap iterates these keys in one fixed order, the same order Connect's JSON
        // converter rebuilds them in (a HashMap), so the REST offsets API finds them as well.
        Map<String, Object> partition = new HashMap<>();
        partition.put(SERVER, server);
        partition.put(TABLE, table.toString());
        partition.put(STRIPE, stripe);
        if (epoch != 0) {
            partition.put(EPOCH, epoch);
        }
        return partition;
    }
}
