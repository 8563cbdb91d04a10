package io.ferry.source.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import io.ferry.common.TableId;
import io.ferry.source.position.StreamOffset;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one server's binlog on a background connection into a bounded queue that the task drains. A full
 * queue blocks the connection thread, so a slow Kafka slows the reading instead of filling the heap.
 *
 * <p>The client does not reconnect by itself: after a failure it could only resume at its own position,
 * possibly inside a transaction. Instead {@link #poll} rethrows the failure and the caller starts a new
 * reader at the offset of the last item it handed on, which is exact.
 */
public final class BinlogReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BinlogReader.class);

    private final BinlogConnection connection;
    private final BlockingQueue<BinlogItem> queue;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private BinaryLogClient client;

    public BinlogReader(BinlogConnection connection, int queueCapacity) {
        this.connection = connection;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
    }

    /** Connects and starts reading right after {@code from} by its file and position. */
    public void start(StreamOffset from, Predicate<TableId> tableFilter, EventDeserializer deserializer)
            throws IOException {
        start(from, false, tableFilter, deserializer);
    }

    /**
     * Connects and starts reading right after {@code from}; returns once the connection is established. With
     * {@code byGtid} the server is asked for the transactions not in {@code from.gtids()} (MySQL: a GTID dump;
     * MariaDB: {@code @slave_connect_state}), so {@code from}'s file and position, which may be another
     * server's, are not used; otherwise it starts at them.
     */
    public void start(StreamOffset from, boolean byGtid, Predicate<TableId> tableFilter,
                      EventDeserializer deserializer) throws IOException {
        if (byGtid && (from.gtids() == null || from.gtids().isBlank())) {
            throw new IllegalArgumentException("No GTID set to start from in " + from);
        }
        BinlogEventTranslator translator = new BinlogEventTranslator(from, byGtid, connection.mariaDb(), tableFilter);
        client = new BinaryLogClient(connection.host(), connection.port(), connection.user(), connection.password());
        client.setServerId(connection.serverId());
        BinlogTls.apply(client, connection.tls(), connection.host());
        client.setKeepAlive(false);
        client.setHeartbeatInterval(connection.heartbeatIntervalMs());
        client.setUseSendAnnotateRowsEvent(true);
        client.setEventDeserializer(deserializer);
        if (byGtid) {
            client.setGtidSet(from.gtids());
        } else {
            client.setBinlogFilename(from.restart().file());
            client.setBinlogPosition(from.restart().pos());
        }
        client.setThreadFactory(r -> {
            Thread thread = new Thread(r, "ferry-binlog-" + connection.host() + ":" + connection.port());
            thread.setDaemon(true);
            return thread;
        });
        client.registerEventListener(event -> enqueue(translator, event));
        client.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onCommunicationFailure(BinaryLogClient c, Exception e) {
                fail(e);
            }

            @Override
            public void onEventDeserializationFailure(BinaryLogClient c, Exception e) {
                fail(e);
            }

            @Override
            public void onDisconnect(BinaryLogClient c) {
                LOG.debug("Binlog connection closed");
            }
        });
        try {
            client.connect(connection.connectTimeoutMs());
        } catch (TimeoutException e) {
            throw new IOException("Timed out connecting to the binlog of " + connection.host() + ":"
                    + connection.port(), e);
        }
        LOG.info("Reading the binlog of {}:{} from {} (server id {})", connection.host(), connection.port(),
                byGtid ? "GTID set " + from.gtids() : from, connection.serverId());
    }

    private void enqueue(BinlogEventTranslator translator, Event event) {
        if (failure.get() != null) {
            return;
        }
        try {
            for (BinlogItem item : translator.translate(event)) {
                queue.put(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void fail(Throwable e) {
        if (failure.compareAndSet(null, e)) {
            LOG.warn("Binlog reading failed: {}", e.toString());
        }
    }

    /**
     * Up to {@code max} items, waiting at most {@code wait} for the first. Items queued before a failure are
     * returned first; the failure is thrown once the queue is empty.
     */
    public List<BinlogItem> poll(int max, Duration wait) throws BinlogReadException, InterruptedException {
        List<BinlogItem> items = new ArrayList<>();
        BinlogItem first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
            items.add(first);
            queue.drainTo(items, max - 1);
            return items;
        }
        Throwable cause = failure.get();
        if (cause != null) {
            throw new BinlogReadException("Reading the binlog of " + connection.host() + ":" + connection.port()
                    + " failed: " + cause.getMessage(), cause);
        }
        return items;
    }

    @Override
    public void close() {
        if (client != null) {
            try {
                client.disconnect();
            } catch (IOException e) {
                LOG.debug("Ignoring an error while closing the binlog connection", e);
            }
            client = null;
        }
        queue.clear();
    }
}
