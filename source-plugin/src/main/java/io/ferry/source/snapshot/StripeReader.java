package io.ferry.source.snapshot;

import io.ferry.source.binlog.BinlogItem;
import io.ferry.source.binlog.BinlogReadException;
import io.ferry.source.binlog.BinlogReader;
import io.ferry.source.event.Heartbeats;
import io.ferry.source.event.RowCodec;
import io.ferry.source.event.RowFilter;
import io.ferry.source.plan.Stripe;
import io.ferry.source.plan.StripeProgress;
import io.ferry.source.position.BinlogPosition;
import io.ferry.source.position.ServerPositions;
import io.ferry.source.position.StreamOffset;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Reads one stripe chunk by chunk without locks, keeping its own binlog reader alongside:
 * <ol>
 *   <li>low watermark = the binlog end now; SELECT the chunk; high watermark = the binlog end again;</li>
 *   <li>read the binlog up to the high watermark: every change to a key of this stripe is emitted as a change
 *       event, and changes after the low watermark to keys in this chunk are also applied to its rows in
 *       memory;</li>
 *   <li>emit the chunk's rows, now exactly as of the high watermark, as {@code op=r} reads.</li>
 * </ol>
 * When the last chunk is done, every row of the stripe has been delivered as of the reader's position, and
 * the stream takes over from there. All records of a chunk carry the progress from before it except the
 * last, which carries the progress after it: a crash inside a chunk repeats that chunk, never skips it.
 *
 * <p>Why changes to keys not read yet are emitted too, although the SELECT of their chunk will see them:
 * Connect delivers source records at least once. Records of chunks past the last committed offset may already
 * be in Kafka when a task restarts and reads those chunks again, and a row deleted or changed in between would
 * otherwise keep its stale read there, with no later event to correct it (a sink that keeps the destination
 * row on a read would even keep the stale one). Emitting every change after the restart position, in binlog
 * order and before the chunk's reads, makes replaying the topic converge whatever was delivered before.
 */
final class StripeReader implements StripeRead {

    /** A reader that sees no event for this long while behind a watermark is stuck, not slow. */
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(2);

    private final StripeContext context;
    private final Stripe stripe;
    private final RowCodec codec;
    private final KeyOrder order;
    private final ChunkSplitter splitter;
    private final ChunkQuery query;
    private final BinlogReader binlog;
    private final Heartbeats heartbeats;
    private final RowFilter rowFilter;
    private final Deque<BinlogItem> pending = new ArrayDeque<>();
    private StripeProgress progress;
    private BinlogPosition readerEnd;
    /** The offset of the last transaction boundary the reader passed, with its GTID set; null if none yet. */
    private StreamOffset readerBoundary;

    StripeReader(StripeContext context, Stripe stripe, StripeProgress progress, RowCodec codec, KeyOrder order,
                 List<KeyColumnCodec> keyCodecs, BinlogReader binlog) {
        this.context = context;
        this.stripe = stripe;
        this.progress = progress;
        this.codec = codec;
        this.order = order;
        this.splitter = new ChunkSplitter(context.connection(), codec.table(), keyCodecs, progress.remaining(),
                context.chunkSize());
        this.rowFilter = context.records().rowFilter(stripe.table()).orElse(null);
        this.query = new ChunkQuery(codec.table(), keyCodecs, context.fetchSize(), codec.selectList(),
                rowFilter == null ? null : rowFilter.sql());
        this.binlog = binlog;
        this.heartbeats = new Heartbeats(context.server());
        this.readerEnd = progress.reader().restart();
        this.readerBoundary = progress.reader();
    }

    @Override
    public boolean finished() {
        return progress.done();
    }

    @Override
    public Stripe stripe() {
        return stripe;
    }

    @Override
    public StripeProgress progress() {
        return progress;
    }

    @Override
    public List<SourceRecord> nextChunk() throws SQLException, InterruptedException, BinlogReadException {
        Map<String, Object> partition = stripe.partition(context.server());
        Map<String, Object> before = progress.toOffset();
        Optional<ChunkRange> next = splitter.next();
        List<SourceRecord> out = new ArrayList<>();
        if (next.isEmpty()) {
            progress = progress.finish(progress.reader());
            out.add(heartbeats.record(partition, progress.toOffset(), context.clock().millis()));
            return out;
        }
        ChunkRange chunk = next.get();
        ChunkBuffer<Struct> buffer = readChunk(chunk, partition, before, out);
        // The reader stops at the high watermark, a transaction boundary, so the set there is known exactly.
        StreamOffset readerAfter = StreamOffset.at(readerEnd,
                readerBoundary != null && readerBoundary.restart().equals(readerEnd) ? readerBoundary.gtids() : null);
        StripeProgress after = splitter.hasNext()
                ? progress.chunkDone(progress.remaining().withStart(chunk.end()), readerAfter)
                : progress.finish(readerAfter);
        Struct src = context.source().snapshot(stripe.table().database(), stripe.table().table(),
                context.clock().millis(), context.serverId(), readerEnd.file(), readerEnd.pos());
        List<Struct> rows = buffer.values();
        context.metrics().chunkDone(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> offset = i == rows.size() - 1 ? after.toOffset() : before;
            out.add(context.records().snapshotRead(codec, rows.get(i), src, partition, offset));
        }
        if (rows.isEmpty()) {
            out.add(heartbeats.record(partition, after.toOffset(), context.clock().millis()));
        }
        progress = after;
        return out;
    }

    private ChunkBuffer<Struct> readChunk(ChunkRange chunk, Map<String, Object> partition,
                                          Map<String, Object> offset, List<SourceRecord> out)
            throws SQLException, InterruptedException, BinlogReadException {
        ServerPositions positions = context.positions();
        BinlogPosition low = positions.current();
        SnapshotHooks.fire(SnapshotHooks.Point.AFTER_LOW_WATERMARK, stripe.table(), chunk);
        ChunkBuffer<Struct> buffer = new ChunkBuffer<>(chunk, order);
        query.read(context.connection(), chunk, rs -> new Object[] {codec.fromJdbc(rs)}, row -> {
            Struct struct = (Struct) row[0];
            buffer.put(codec.keyValues(struct), struct);
        });
        SnapshotHooks.fire(SnapshotHooks.Point.AFTER_SELECT, stripe.table(), chunk);
        BinlogPosition high = positions.current();
        catchUp(low, high, buffer, partition, offset, out);
        return buffer;
    }

    /** Reads the binlog up to {@code high}, handling each change as the class comment says. */
    private void catchUp(BinlogPosition low, BinlogPosition high, ChunkBuffer<Struct> buffer,
                            Map<String, Object> partition, Map<String, Object> offset, List<SourceRecord> out)
            throws InterruptedException, BinlogReadException {
        long lastItemMs = context.clock().millis();
        while (readerEnd.compareTo(high) < 0) {
            BinlogItem item = nextItem();
            if (item == null) {
                if (context.clock().millis() - lastItemMs > CATCH_UP_TIMEOUT.toMillis()) {
                    throw new ConnectException("The binlog reader of " + stripe + " stopped at " + readerEnd
                            + " and has not reached the chunk's high watermark " + high + " within "
                            + CATCH_UP_TIMEOUT.toSeconds() + " s");
                }
                continue;
            }
            lastItemMs = context.clock().millis();
            if (item.end().isAfter(high)) {
                pending.addFirst(item);
                break;
            }
            readerEnd = item.end();
            StreamOffset after = item.offsetAfter();
            if (after.rowEvents() == 0 && after.rows() == 0 && after.restart().equals(item.end())) {
                readerBoundary = after;
            }
            if (item instanceof BinlogItem.RowChange row) {
                context.metrics().eventRead(row.context().file(), row.context().pos(), row.context().timestampMs());
            }
            if (!(item instanceof BinlogItem.RowChange change)) {
                continue;
            }
            Struct beforeRow = change.before() == null ? null : codec.fromBinlog(change.before());
            Struct afterRow = change.after() == null ? null : codec.fromBinlog(change.after());
            if (afterRow != null && rowFilter != null && !rowFilter.test(afterRow)) {
                afterRow = null; // left the filter: for the chunk, as good as deleted
            }
            List<Object> beforeKey = beforeRow == null ? null : codec.keyValues(beforeRow);
            List<Object> afterKey = afterRow == null ? null : codec.keyValues(afterRow);
            if (inStripe(beforeKey) || inStripe(afterKey)) {
                // Only this stripe's keys: a key-changing update may move a row into another stripe, which emits
                // that half itself, in its own order.
                context.records().streamed(change, partition, offset, out, key -> !inStripe(key));
            }
            if (change.end().isAfter(low)) {
                buffer.apply(new RowChange<>(beforeKey, afterKey, afterRow));
            }
        }
    }

    /** True if {@code key} lies in this stripe, whose reader emits its changes until the stream takes over. */
    private boolean inStripe(List<Object> key) {
        return key != null && progress.range().contains(key, order);
    }

    private BinlogItem nextItem() throws InterruptedException, BinlogReadException {
        if (pending.isEmpty()) {
            pending.addAll(binlog.poll(1024, Duration.ofMillis(500)));
        }
        return pending.pollFirst();
    }

    @Override
    public void close() throws SQLException {
        try {
            splitter.close();
        } finally {
            binlog.close();
        }
    }
}
