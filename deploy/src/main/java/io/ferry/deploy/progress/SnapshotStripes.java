package io.ferry.deploy.progress;

import io.ferry.deploy.connect.ConnectRestClient.StoredOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The source connector's snapshot progress, read from its stored Connect offsets: per table, how many stripes
 * were planned and how many are read. The field names are the source's stored state ({@code SourcePartitions},
 * {@code StripeProgress}), which never changes.
 */
record SnapshotStripes(Map<String, int[]> byTable, boolean streamStarted) {

    static SnapshotStripes of(List<StoredOffset> offsets) {
        Map<String, int[]> byTable = new HashMap<>();
        boolean stream = false;
        for (StoredOffset stored : offsets) {
            Object table = stored.partition().get("table");
            if (table == null) {
                stream |= stored.partition().containsKey("server");
                continue;
            }
            int[] counts = byTable.computeIfAbsent(table.toString(), t -> new int[2]);
            Object stripes = stored.offset() == null ? null : stored.offset().get("stripes");
            if (stripes instanceof Number n) {
                counts[1] = Math.max(counts[1], n.intValue());
            }
            if (stored.offset() != null && Boolean.TRUE.equals(stored.offset().get("done"))) {
                counts[0]++;
            }
        }
        return new SnapshotStripes(byTable, stream);
    }

    int done(String table) {
        int[] counts = byTable.get(table);
        return counts == null ? 0 : counts[0];
    }

    int total(String table) {
        int[] counts = byTable.get(table);
        return counts == null ? 0 : counts[1];
    }

    boolean finished(String table) {
        int total = total(table);
        return total > 0 && done(table) >= total;
    }
}
