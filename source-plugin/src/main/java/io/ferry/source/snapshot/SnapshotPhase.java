package io.ferry.source.snapshot;

import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import io.ferry.source.binlog.BinlogConnection;
import io.ferry.source.binlog.BinlogReadException;
import io.ferry.source.binlog.BinlogReader;
import io.ferry.source.event.Heartbeats;
import io.ferry.source.event.RowCodec;
import io.ferry.source.event.RowCodecs;
import io.ferry.source.plan.Stripe;
import io.ferry.source.plan.StripeProgress;
import io.ferry.source.position.StreamOffset;
import io.ferry.source.schema.KeyKind;
import io.ferry.source.schema.TableDef;
import io.ferry.source.schema.TableDefReader;
import java.io.IOException;
import java.sql.SQLException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot work of one task: its stripes, one after another, each resumed from its stored progress
 * (a finished stripe is skipped, a started one continues at its next chunk).
 *
 * <p>No stripe is read before Connect has stored a start position for it. Connect delivers records at least
 * once and stores offsets only every {@code offset.flush.interval.ms}: reads of a stripe can reach Kafka while
 * its offset is still unstored. A task restarted then must replay the binlog from before those reads, or a row
 * deleted in between stays behind as a stale read (and, under the sink's keep-destination policy for reads, a
 * row updated in between keeps its old values). So the phase first emits a start record (a heartbeat carrying
 * the stripe's progress at the current binlog position) for every stripe with no stored offset, and waits until
 * the offsets reader returns all of them: one flush interval per task start. A stripe started later moves its
 * stored start forward with a new start record, without waiting: its older start is already stored, and any
 * start is safe as long as it precedes the stripe's first read.
 */
public final class SnapshotPhase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPhase.class);

    /** Queries a chunk sends: the boundary probe, the two watermarks and the SELECT. */
    public static final int QUERIES_PER_CHUNK = 4;

    /** How long a poll waits before asking the offsets reader again whether the start records are stored. */
    static final long START_CHECK_INTERVAL_MS = 200;

    private final StripeContext context;
    private final Deque<Stripe> todo;
    private final int total;
    private final OffsetStorageReader offsets;
    private final RowCodecs codecs;
    private final Function<TableDef, List<KeyColumnCodec>> keyCodecs;
    private final BinlogConnection binlog;
    private final Supplier<EventDeserializer> deserializers;
    private final int queueSize;
    private final Map<Stripe, StripeProgress> inMemory;
    private final Heartbeats heartbeats;
    /** Stripes whose start record this phase emitted and that have not been started since. */
    private final Set<Stripe> announced = new HashSet<>();
    /** Partitions of start records not yet seen in the offsets reader. */
    private final Set<Map<String, Object>> unconfirmed = new HashSet<>();
    private boolean startsAnnounced;
    private long waitingSinceMs;
    private StripeRead current;
    private int finished;

    /** A stripe read failed; {@link #remaining()} says where to go on after a retry. */
    public static final class Failure extends Exception {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public SnapshotPhase(StripeContext context, List<Stripe> stripes, OffsetStorageReader offsets, RowCodecs codecs,
                  Function<TableDef, List<KeyColumnCodec>> keyCodecs, BinlogConnection binlog,
                  Supplier<EventDeserializer> deserializers, int queueSize, Map<Stripe, StripeProgress> resume) {
        this.context = context;
        this.todo = new ArrayDeque<>(stripes);
        this.total = stripes.size();
        this.offsets = offsets;
        this.codecs = codecs;
        this.keyCodecs = keyCodecs;
        this.binlog = binlog;
        this.deserializers = deserializers;
        this.queueSize = queueSize;
        this.inMemory = new HashMap<>(resume);
        this.heartbeats = new Heartbeats(context.server());
        context.metrics().stripes(total);
    }

    public boolean done() {
        return current == null && todo.isEmpty();
    }

    /**
     * The stripes not finished yet, with the progress reached in memory where it is ahead of the stored offsets:
     * what a new phase resumes from after a failure (everything before it was handed to Connect).
     */
    public Map<Stripe, StripeProgress> remaining() {
        Map<Stripe, StripeProgress> remaining = new LinkedHashMap<>();
        if (current != null) {
            remaining.put(current.stripe(), current.progress());
        }
        for (Stripe stripe : todo) {
            remaining.put(stripe, inMemory.get(stripe));
        }
        return remaining;
    }

    /**
     * The records of the next chunk of the current stripe (or the stripes' start records); empty while waiting
     * for Connect to store the start records, and once every stripe is done (see {@link #done()}).
     */
    public List<SourceRecord> poll() throws InterruptedException, Failure {
        try {
            if (!startsAnnounced) {
                startsAnnounced = true;
                List<SourceRecord> starts = announceStarts();
                if (!starts.isEmpty()) {
                    return starts;
                }
            }
            if (!startsStored()) {
                return List.of();
            }
            List<SourceRecord> records = new ArrayList<>();
            while (current == null) {
                if (todo.isEmpty()) {
                    return records;
                }
                current = open(todo.pollFirst(), records);
            }
            records.addAll(current.nextChunk());
            if (current.finished()) {
                finished++;
                context.metrics().stripeDone();
                LOG.info("Snapshot step {} of {} done: {} (delivered as of {})", finished, total,
                        describe(current), current.progress().finished());
                current.close();
                current = null;
            }
            return records;
        } catch (SQLException | IOException | BinlogReadException | UncheckedIOException e) {
            throw new Failure("Snapshot of " + (current == null ? "a stripe" : describe(current)) + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** A start record for every stripe that has neither progress in memory nor a stored offset. */
    private List<SourceRecord> announceStarts() throws SQLException {
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (Stripe stripe : todo) {
            if (inMemory.get(stripe) == null) {
                partitions.add(stripe.partition(context.server()));
            }
        }
        Map<Map<String, Object>, Map<String, Object>> stored = partitions.isEmpty() ? Map.of()
                : offsets.offsets(partitions);
        List<SourceRecord> starts = new ArrayList<>();
        StreamOffset now = null;
        for (Stripe stripe : todo) {
            Map<String, Object> partition = stripe.partition(context.server());
            if (inMemory.get(stripe) == null && stored.get(partition) == null) {
                now = now == null ? context.positions().currentOffset() : now;
                announced.add(stripe);
                unconfirmed.add(partition);
                starts.add(startRecord(partition, startAt(stripe, now)));
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
    private boolean startsStored() throws InterruptedException {
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
        Thread.sleep(START_CHECK_INTERVAL_MS);
        return false;
    }

    private static StripeProgress startAt(Stripe stripe, StreamOffset position) {
        return new StripeProgress(stripe.stripes(), stripe.range(), stripe.range(), position, null);
    }

    private SourceRecord startRecord(Map<String, Object> partition, StripeProgress start) {
        return heartbeats.record(partition, start.toOffset(), context.clock().millis());
    }

    private StripeRead open(Stripe stripe, List<SourceRecord> out) throws SQLException, IOException {
        Map<String, Object> partition = stripe.partition(context.server());
        StripeProgress progress;
        if (announced.remove(stripe)) {
            // Nothing of this stripe has been read since its start was stored: start it here, and store that,
            // so that a restart replays less of the binlog. The older start covers the time until it is stored.
            progress = startAt(stripe, context.positions().currentOffset());
            out.add(startRecord(partition, progress));
        } else if (inMemory.get(stripe) != null) {
            progress = inMemory.get(stripe);
        } else {
            Map<String, Object> stored = offsets.offset(partition);
            if (stored == null) {
                throw new IllegalStateException("The stored start of " + stripe + " is gone (offsets altered?)");
            }
            progress = StripeProgress.fromOffset(stored);
        }
        if (progress.done()) {
            finished++;
            context.metrics().stripeDone();
            LOG.info("Snapshot step {} of {} was already done: {}", finished, total, stripe);
            return null;
        }
        TableDef table = TableDefReader.read(context.connection(), stripe.table()).orElse(null);
        if (table == null) {
            LOG.warn("{} no longer exists; its stripe is skipped", stripe.table());
            finished++;
            return null;
        }
        RowCodec codec = codecs.forTable(table);
        if (table.keyKind() == KeyKind.NONE) {
            LOG.info("Snapshot step {} of {}: reading {} whole (after an interrupted read too: a table without a key"
                    + " is never read in part)", finished + 1, total, stripe);
            return KeylessStripeReader.open(context, stripe, codec, binlog, deserializers, queueSize);
        }
        List<KeyColumnCodec> keys = keyCodecs.apply(table);
        KeyOrder order = KeyOrder.forTable(context.orderConnection(), table);
        BinlogReader reader = new BinlogReader(binlog, queueSize);
        reader.start(progress.reader(), stripe.table()::equals, deserializers.get());
        LOG.info("Snapshot step {} of {}: reading {} from {}, its binlog reader from {}", finished + 1, total, stripe,
                progress.remaining().equals(progress.range()) ? "its start" : "its next chunk " + progress.remaining(),
                progress.reader().restart());
        return new StripeReader(context, stripe, progress, codec, order, keys, reader);
    }

    private static String describe(StripeRead reader) {
        return reader.progress().range().toString();
    }

    @Override
    public void close() {
        if (current != null) {
            try {
                current.close();
            } catch (SQLException e) {
                LOG.debug("Ignoring an error while closing a stripe", e);
            }
            current = null;
        }
    }
}
