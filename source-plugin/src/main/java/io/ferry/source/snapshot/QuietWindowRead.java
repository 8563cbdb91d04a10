package io.ferry.source.snapshot;

import io.ferry.common.TableId;
import io.ferry.source.binlog.BinlogItem;
import io.ferry.source.binlog.BinlogReadException;
import io.ferry.source.binlog.BinlogReader;
import io.ferry.source.event.RowCodec;
import io.ferry.source.position.BinlogPosition;
import io.ferry.source.position.ServerPositions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole table between two watermarks and keeps the read only if the binlog shows that the table did
 * not change in between; otherwise reads it again after a short back-off. Each attempt:
 * <ol>
 *   <li>low watermark {@code L} = the binlog end now; the stripe's binlog reader is brought up to {@code L}
 *       before the SELECT starts (see below);</li>
 *   <li>SELECT the whole table; high watermark {@code H} = the binlog end again;</li>
 *   <li>read the binlog up to {@code H}: if no row event of the table ends in {@code (L, H]}, the table held
 *       the same rows from {@code L} to {@code H}, so the SELECT, which ran in between, saw exactly the state
 *       at {@code H}; the read is kept, as of {@code H}.</li>
 * </ol>
 * This works on any server and engine and takes no lock, but a table written to without pause never shows a
 * quiet window: after {@value #ATTEMPTS} attempts (about 11 s of back-off) the task fails, naming the table
 * and the fixes.
 *
 * <p>Why the reader reaches {@code L} before the SELECT: a server writes a transaction to the binlog before
 * it commits it in the storage engine, so a transaction logged just before {@code L} may not yet be visible
 * when the SELECT starts, and the window {@code (L, H]} would not show it. A replica receives a transaction
 * only once it is synced, right before the engine commit; waiting until the reader (started at a position read
 * before {@code L}, when the stripe was opened) has received everything up to {@code L} closes that gap in
 * practice. The keyed chunks rely on the same ordering.
 */
final class QuietWindowRead implements WholeTableRead {

    private static final Logger LOG = LoggerFactory.getLogger(QuietWindowRead.class);

    /** Reads of a table that keeps changing, before the task gives up. */
    static final int ATTEMPTS = 10;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    /** A reader that sees no event for this long while behind a watermark is stuck, not slow. */
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(2);

    /** Starts the stripe's binlog reader right after a position. */
    @FunctionalInterface
    interface ReaderStarter {
        BinlogReader start(BinlogPosition from) throws IOException;
    }

    private final Connection connection;
    private final ServerPositions positions;
    private final ChunkQuery query;
    private final RowCodec codec;
    private final ReaderStarter starter;
    private final Clock clock;
    private final BinlogPosition from;
    private final Deque<BinlogItem> pending = new ArrayDeque<>();
    private BinlogReader reader;
    private BinlogPosition readerEnd;

    /** @param from where the binlog reader starts: a boundary read before the first low watermark */
    QuietWindowRead(Connection connection, ServerPositions positions, ChunkQuery query, RowCodec codec,
                    BinlogPosition from, ReaderStarter starter, Clock clock) {
        this.from = from;
        this.connection = connection;
        this.positions = positions;
        this.query = query;
        this.codec = codec;
        this.starter = starter;
        this.clock = clock;
    }

    @Override
    public TableImage read() throws SQLException, InterruptedException, BinlogReadException {
        TableId table = codec.table().id();
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            BinlogPosition low = positions.current();
            changesUpTo(low);
            SnapshotHooks.fire(SnapshotHooks.Point.AFTER_LOW_WATERMARK, table, ChunkRange.ALL);
            List<Struct> rows = WholeTableRead.select(connection, query, codec);
            BinlogPosition high = positions.current();
            int changes = changesUpTo(high);
            if (changes == 0) {
                return new TableImage(rows, high, attempt);
            }
            if (attempt < ATTEMPTS) {
                LOG.info("{} (no usable key) changed while it was read ({} row changes between {} and {}): read {} of"
                        + " {} discarded, reading it again in {} ms", table, changes, low, high, attempt, ATTEMPTS,
                        backoff.toMillis());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        throw new ConnectException(table + " has no primary key and no unique NOT NULL key, and it changed during"
                + " each of " + ATTEMPTS + " attempts to read it whole: without a key its rows cannot be matched"
                + " to the changes made while it is read. Pause writes to " + table + " for the seconds its"
                + " snapshot takes, or add a primary key to it, then restart the task.");
    }

    /**
     * Reads the binlog up to {@code position} (starting the reader at {@code from} first) and returns how many
     * row changes of the table it passed.
     */
    private int changesUpTo(BinlogPosition position) throws InterruptedException, BinlogReadException {
        if (reader == null) {
            try {
                reader = starter.start(from);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            readerEnd = from;
        }
        int changes = 0;
        long lastItemMs = clock.millis();
        while (readerEnd.compareTo(position) < 0) {
            BinlogItem item = nextItem();
            if (item == null) {
                if (clock.millis() - lastItemMs > CATCH_UP_TIMEOUT.toMillis()) {
                    throw new ConnectException("The binlog reader of " + codec.table().id() + " stopped at "
                            + readerEnd + " and has not reached " + position + " within "
                            + CATCH_UP_TIMEOUT.toSeconds() + " s");
                }
                continue;
            }
            lastItemMs = clock.millis();
            if (item.end().isAfter(position)) {
                pending.addFirst(item);
                break;
            }
            readerEnd = item.end();
            if (item instanceof BinlogItem.RowChange change && change.table().equals(codec.table().id())) {
                changes++;
            }
        }
        return changes;
    }

    private BinlogItem nextItem() throws InterruptedException, BinlogReadException {
        if (pending.isEmpty()) {
            pending.addAll(reader.poll(1024, Duration.ofMillis(500)));
        }
        return pending.pollFirst();
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
