package io.ferry.source.snapshot;

import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import io.ferry.source.binlog.BinlogConnection;
import io.ferry.source.binlog.BinlogReadException;
import io.ferry.source.binlog.BinlogReader;
import io.ferry.source.event.Heartbeats;
import io.ferry.source.event.RowCodec;
import io.ferry.source.event.RowFilter;
import io.ferry.source.plan.Stripe;
import io.ferry.source.plan.StripeProgress;
import io.ferry.source.position.BinlogPosition;
import io.ferry.source.position.StreamOffset;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a table without a primary key or unique NOT NULL key: whole, in one chunk, exactly as of one binlog
 * position, and emits every row, duplicates included, as an {@code op=r} read. The stream then emits the
 * table's changes that end after that position and drops those at or before it (see
 * {@code stream.StripeOverlap}), so that replaying the topic in order (a create adds a row; a delete, or the
 * before-image of an update, removes one equal row) gives the table exactly.
 *
 * <p>The keyed chunks' backfill cannot be used: it merges the changes made during a read into the read rows
 * by key, and without a key a change cannot be matched to one of several equal rows. Instead the read itself
 * must be exact, by one of two methods:
 * <ul>
 *   <li>{@link ConsistentSnapshotRead} on MariaDB for InnoDB tables: a consistent-snapshot transaction reports
 *       the exact binlog position of its view. Exact under any write load, no retry, no lock.</li>
 *   <li>{@link QuietWindowRead} elsewhere (MySQL, which reports no snapshot position; other engines): the read
 *       is kept only if the binlog shows no change to the table between its watermarks, else repeated; a table
 *       that never pauses fails the task with a message naming the table and the fixes.</li>
 * </ul>
 * The whole table is held in memory and handed to Connect in one batch (atomic where the worker runs with
 * exactly-once source support). Progress is stored only when the read is complete: a task restarted before
 * then reads the table whole again, and the records of the interrupted read that Connect had already sent
 * are in the topic twice.
 */
final class KeylessStripeReader implements StripeRead {

    private static final Logger LOG = LoggerFactory.getLogger(KeylessStripeReader.class);

    private static final String ENGINE = "SELECT ENGINE FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";

    private final StripeContext context;
    private final Stripe stripe;
    private final RowCodec codec;
    private final WholeTableRead read;
    private final Heartbeats heartbeats;
    private StripeProgress progress;

    KeylessStripeReader(StripeContext context, Stripe stripe, StripeProgress progress, RowCodec codec,
                        WholeTableRead read) {
        this.context = context;
        this.stripe = stripe;
        this.progress = progress;
        this.codec = codec;
        this.read = read;
        this.heartbeats = new Heartbeats(context.server());
    }

    /**
     * A reader of {@code stripe} (the whole keyless table) with the read method the server and engine allow.
     * Any progress stored by an interrupted read is dropped: the table is read from the start.
     */
    static KeylessStripeReader open(StripeContext context, Stripe stripe, RowCodec codec, BinlogConnection binlog,
                                    Supplier<EventDeserializer> deserializers, int queueSize) throws SQLException {
        BinlogPosition now = context.positions().current();
        StripeProgress fresh = new StripeProgress(stripe.stripes(), stripe.range(), stripe.range(),
                StreamOffset.at(now, null), null);
        RowFilter rowFilter = context.records().rowFilter(stripe.table()).orElse(null);
        ChunkQuery query = new ChunkQuery(codec.table(), List.of(), context.fetchSize(), codec.selectList(),
                rowFilter == null ? null : rowFilter.sql());
        WholeTableRead read;
        if (exactSnapshotPossible(context, stripe)) {
            read = new ConsistentSnapshotRead(context.connection(), query, codec);
        } else {
            read = new QuietWindowRead(context.connection(), context.positions(), query, codec, now, from -> {
                BinlogReader reader = new BinlogReader(binlog, queueSize);
                reader.start(StreamOffset.at(from, null), stripe.table()::equals, deserializers.get());
                return reader;
            }, context.clock());
        }
        LOG.info("{} has no primary key and no unique NOT NULL key: it is read whole in one chunk, {}", stripe.table(),
                read instanceof ConsistentSnapshotRead ? "as of a consistent snapshot's binlog position"
                        : "repeated if it changes while being read (up to " + QuietWindowRead.ATTEMPTS + " times)");
        return new KeylessStripeReader(context, stripe, fresh, codec, read);
    }

    /** MariaDB reports a consistent snapshot's position, and the snapshot covers only InnoDB tables. */
    private static boolean exactSnapshotPossible(StripeContext context, Stripe stripe) throws SQLException {
        if (!context.positions().mariaDb() || SnapshotHooks.quietWindowForced()) {
            return false;
        }
        try (PreparedStatement statement = context.connection().prepareStatement(ENGINE)) {
            statement.setString(1, stripe.table().database());
            statement.setString(2, stripe.table().table());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && "InnoDB".equalsIgnoreCase(rs.getString(1));
            }
        }
    }

    @Override
    public List<SourceRecord> nextChunk() throws SQLException, InterruptedException, BinlogReadException {
        Map<String, Object> partition = stripe.partition(context.server());
        Map<String, Object> before = progress.toOffset();
        TableImage image = read.read();
        // the GTID set exactly at the read's position, so the stream after it can resume by GTID too
        StripeProgress after = progress.finish(
                StreamOffset.at(image.asOf(), context.positions().gtidsAt(image.asOf())));
        Struct src = context.source().snapshot(stripe.table().database(), stripe.table().table(),
                context.clock().millis(), context.serverId(), image.asOf().file(), image.asOf().pos());
        List<Struct> rows = image.rows();
        List<SourceRecord> out = new ArrayList<>(rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> offset = i == rows.size() - 1 ? after.toOffset() : before;
            out.add(context.records().snapshotRead(codec, rows.get(i), src, partition, offset));
        }
        if (rows.isEmpty()) {
            out.add(heartbeats.record(partition, after.toOffset(), context.clock().millis()));
        }
        context.metrics().chunkDone(rows.size());
        LOG.info("{} (no usable key): {} rows read as of {}{}", stripe.table(), rows.size(), image.asOf(),
                image.attempts() > 1 ? " at the " + image.attempts() + ". attempt" : "");
        progress = after;
        return out;
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
    public void close() {
        read.close();
    }
}
