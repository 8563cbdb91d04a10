package io.ferry.source.snapshot;

import io.ferry.source.event.Heartbeats;
import io.ferry.source.plan.Stripe;
import io.ferry.source.plan.StripeProgress;
import io.ferry.source.position.StreamOffset;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Connect has stored a start position for every stripe before any of its rows is read.
 *
 * <p>Connect delivers records at least once and stores offsets only every {@code offset.flush.interval.ms}, so
 * reads of a stripe can reach Kafka while its offset is still unstored. A task restarted then must replay the
 * binlog from before those reads, or a row deleted in between stays behind as a stale read (and, under the sink's
 * keep-destination policy for reads, a row updated in between keeps its old values). So a task first emits a start
 * record (a heartbeat carrying the stripe's progress at the current binlog position) for every stripe with no
 * stored offset, and reads nothing until the offsets reader returns them all: one flush interval per task start.
 * A stripe started later moves its stored start forward with a new start record, without waiting: its older start
 * is already stored, and any start is safe as long as it precedes the stripe's first read.
 */
final class StripeStarts {

    private static final Logger LOG = LoggerFactory.getLogger(StripeStarts.class);

    /** How long a poll waits before asking the offsets reader again whether the start records are stored. */
    static final long CHECK_INTERVAL_MS = 200;

    private final StripeContext context;
    private final OffsetStorageReader offsets;
    private final Heartbeats heartbeats;
    /** Stripes whose start record this task emitted and that have not been started since. */
    private final Set<Stripe> announced = new HashSet<>();
    /** Partitions of start records not yet seen in the offsets reader. */
    private final Set<Map<String, Object>> unconfirmed = new HashSet<>();
    private long waitingSinceMs;

    StripeStarts(StripeContext context, OffsetStorageReader offsets) {
        this.context = context;
        this.offsets = offsets;
        this.heartbeats = new Heartbeats(context.server());
    }

    /** Start records for the stripes that have neither {@code progressKnown} nor a stored offset. */
    List<SourceRecord> announce(Collection<Stripe> stripes, Predicate<Stripe> progressKnown) throws SQLException {
        List<Stripe> unknown = stripes.stream().filter(progressKnown.negate()).toList();
        if (unknown.isEmpty()) {
            return List.of();
        }
        Map<Map<String, Object>, Map<String, Object>> stored = offsets.offsets(
                unknown.stream().map(s -> s.partition(context.server())).toList());
        List<SourceRecord> starts = new ArrayList<>();
        StreamOffset now = null;
        for (Stripe stripe : unknown) {
            Map<String, Object> partition = stripe.partition(context.server());
            if (stored.get(partition) == null) {
                now = now == null ? context.positions().currentOffset() : now;
                announced.add(stripe);
                unconfirmed.add(partition);
                starts.add(record(partition, at(stripe, now)));
            }
        }
        if (!starts.isEmpty()) {
            waitingSinceMs = context.clock().millis();
            LOG.info("Snapshot of {} stripes waits until Connect has stored their start positions"
                    + " (at most the worker's offset.flush.interval.ms)", starts.size());
        }
        return starts;
    }

    /** True once every start record is stored; else waits a little, so that an idle poll does not spin. */
    boolean stored() throws InterruptedException {
        if (unconfirmed.isEmpty()) {
            return true;
        }
        offsets.offsets(unconfirmed).forEach((partition, offset) -> {
            if (offset != null) {
                unconfirmed.remove(partition);
            }
        });
        if (unconfirmed.isEmpty()) {
            LOG.info("Start positions of {} stripes stored after {} ms; reading", announced.size(),
                    context.clock().millis() - waitingSinceMs);
            return true;
        }
        Thread.sleep(CHECK_INTERVAL_MS);
        return false;
    }

    /**
     * For a stripe this task announced and has not started: its progress from here, with the start record that
     * stores it (added to {@code out}); null for any other stripe, whose progress is in memory or stored.
     */
    StripeProgress startHere(Stripe stripe, List<SourceRecord> out) throws SQLException {
        if (!announced.remove(stripe)) {
            return null;
        }
        // Nothing of this stripe has been read since its start was stored: start it here, and store that, so
        // that a restart replays less of the binlog. The older start covers the time until this one is stored.
        StripeProgress progress = at(stripe, context.positions().currentOffset());
        out.add(record(stripe.partition(context.server()), progress));
        return progress;
    }

    private static StripeProgress at(Stripe stripe, StreamOffset position) {
        return new StripeProgress(stripe.stripes(), stripe.range(), stripe.range(), position, null);
    }

    private SourceRecord record(Map<String, Object> partition, StripeProgress start) {
        return heartbeats.record(partition, start.toOffset(), context.clock().millis());
    }
}
