package io.ferry.source.stream;

import io.ferry.common.TableId;
import io.ferry.source.plan.Stripe;
import io.ferry.source.plan.StripeProgress;
import io.ferry.source.position.BinlogPosition;
import io.ferry.source.position.StreamOffset;
import io.ferry.source.snapshot.KeyOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The overlap between a finished snapshot and the stream that follows it. Each stripe delivered its rows as
 * of its own final position; the stream starts at the earliest of them, and a change to a key is emitted
 * only if it ends after the final position of the stripe that holds the key. Once the stream has passed a
 * table's last final position, the table's changes are emitted without looking at keys.
 */
public final class StripeOverlap implements SnapshotOverlap {

    private record Finished(Stripe stripe, BinlogPosition at) {
    }

    private final Map<TableId, List<Finished>> byTable = new HashMap<>();
    private final Map<TableId, BinlogPosition> latest = new HashMap<>();
    private final Map<TableId, KeyOrder> orders;

    /** @param orders the key order of each snapshotted table that has a key */
    public StripeOverlap(Map<Stripe, StripeProgress> finished, Map<TableId, KeyOrder> orders) {
        this.orders = orders;
        finished.forEach((stripe, progress) -> {
            byTable.computeIfAbsent(stripe.table(), t -> new ArrayList<>())
                    .add(new Finished(stripe, progress.finished()));
            latest.merge(stripe.table(), progress.finished(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        });
    }

    /** Where the stream must start: the earliest position any stripe was delivered as of. */
    public static BinlogPosition start(Map<Stripe, StripeProgress> finished) {
        return finished.values().stream().map(StripeProgress::finished).min(BinlogPosition::compareTo)
                .orElseThrow(() -> new IllegalArgumentException("No finished stripes"));
    }

    /**
     * The stream's start offset: the earliest final position any stripe was delivered as of, with the GTID set
     * its reader had there (null if the stripe's reader did not know it).
     */
    public static StreamOffset startOffset(Map<Stripe, StripeProgress> finished) {
        BinlogPosition start = start(finished);
        return finished.values().stream().filter(p -> p.finished().equals(start)).map(StripeProgress::reader)
                .filter(reader -> reader.restart().equals(start)).findFirst()
                .map(reader -> StreamOffset.at(start, reader.gtids())).orElse(StreamOffset.at(start, null));
    }

    @Override
    public boolean alreadyDelivered(TableId table, List<Object> key, BinlogPosition end) {
        BinlogPosition last = latest.get(table);
        if (last == null || end.isAfter(last)) {
            return false;
        }
        KeyOrder order = orders.get(table);
        for (Finished f : byTable.get(table)) {
            if (order == null || f.stripe().range().contains(key, order)) {
                return !end.isAfter(f.at());
            }
        }
        return false;
    }

    @Override
    public boolean mayCover(TableId table, BinlogPosition end) {
        BinlogPosition last = latest.get(table);
        return last != null && !end.isAfter(last);
    }
}
