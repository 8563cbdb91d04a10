package io.ferry.source.snapshot;

import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import io.ferry.source.binlog.BinlogConnection;
import io.ferry.source.binlog.BinlogReadException;
import io.ferry.source.binlog.BinlogReader;
import io.ferry.source.event.RowCodec;
import io.ferry.source.event.RowCodecs;
import io.ferry.source.plan.Stripe;
import io.ferry.source.plan.StripeProgress;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot work of one task: its stripes, one after another, each resumed from its stored progress
 * (a finished stripe is skipped, a started one continues at its next chunk).
 * No stripe is read before Connect has stored a start position for it ({@link StripeStarts}).
 */
public final class SnapshotPhase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPhase.class);

    /** Queries a chunk sends: the boundary probe, the two watermarks and the SELECT. */
    public static final int QUERIES_PER_CHUNK = 4;

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
    private final StripeStarts starts;
    private boolean startsAnnounced;
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
        this.starts = new StripeStarts(context, offsets);
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
                List<SourceRecord> records = starts.announce(todo, stripe -> inMemory.get(stripe) != null);
                if (!records.isEmpty()) {
                    return records;
                }
            }
            if (!starts.stored()) {
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

    private StripeRead open(Stripe stripe, List<SourceRecord> out) throws SQLException, IOException {
        StripeProgress progress = progressOf(stripe, out);
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

    /** Where {@code stripe} starts: here if this task announced it, else in memory or in the stored offset. */
    private StripeProgress progressOf(Stripe stripe, List<SourceRecord> out) throws SQLException {
        StripeProgress startedHere = starts.startHere(stripe, out);
        if (startedHere != null) {
            return startedHere;
        }
        if (inMemory.get(stripe) != null) {
            return inMemory.get(stripe);
        }
        Map<String, Object> stored = offsets.offset(stripe.partition(context.server()));
        if (stored == null) {
            throw new IllegalStateException("The stored start of " + stripe + " is gone (offsets altered?)");
        }
        return StripeProgress.fromOffset(stored);
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
