package io.ferry.source.metrics;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counters behind {@link SourceTaskMXBean}, updated by the phases of one task. Counters are plain
 * volatile/atomic fields: they are written by the task thread and read by JMX.
 */
public final class SourceTaskMetrics implements SourceTaskMXBean, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourceTaskMetrics.class);

    /** The task's phases, as reported. */
    public enum Phase {
        SNAPSHOT, WAITING, STREAMING, DONE
    }

    private final Clock clock;
    private final ObjectName name;
    private volatile Phase phase = Phase.SNAPSHOT;
    private volatile int stripesTotal;
    private final AtomicLong stripesDone = new AtomicLong();
    private final AtomicLong chunksDone = new AtomicLong();
    private final AtomicLong snapshotRows = new AtomicLong();
    private final AtomicLong streamedEvents = new AtomicLong();
    private volatile String binlogPosition = "";
    private volatile long lastEventMs = -1;

    private SourceTaskMetrics(Clock clock, ObjectName name) {
        this.clock = clock;
        this.name = name;
    }

    /** Metrics registered with the platform MBean server (a registration failure is logged, not fatal). */
    public static SourceTaskMetrics register(String connector, int task, Clock clock) {
        ObjectName name = null;
        try {
            name = new ObjectName("io.ferry:type=source-task,connector=" + ObjectName.quote(connector) + ",task="
                    + task);
            SourceTaskMetrics metrics = new SourceTaskMetrics(clock, name);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name); // a previous instance of this task that did not stop cleanly
            }
            server.registerMBean(metrics, name);
            return metrics;
        } catch (JMException e) {
            LOG.warn("Cannot register JMX metrics {}: {}", name, e.getMessage());
            return new SourceTaskMetrics(clock, null);
        }
    }

    public void phase(Phase newPhase) {
        phase = newPhase;
    }

    public void stripes(int total) {
        stripesTotal = total;
    }

    public void stripeDone() {
        stripesDone.incrementAndGet();
    }

    public void chunkDone(int rows) {
        chunksDone.incrementAndGet();
        snapshotRows.addAndGet(rows);
    }

    /** A binlog event was read: where, and when the source wrote it. */
    public void eventRead(String file, long pos, long writtenMs) {
        binlogPosition = file + ":" + pos;
        lastEventMs = writtenMs;
    }

    public void eventsEmitted(int count) {
        streamedEvents.addAndGet(count);
    }

    @Override
    public String getPhase() {
        return phase.name();
    }

    @Override
    public int getSnapshotStripesTotal() {
        return stripesTotal;
    }

    @Override
    public int getSnapshotStripesDone() {
        return (int) stripesDone.get();
    }

    @Override
    public long getSnapshotChunksDone() {
        return chunksDone.get();
    }

    @Override
    public long getSnapshotRows() {
        return snapshotRows.get();
    }

    @Override
    public long getStreamedEvents() {
        return streamedEvents.get();
    }

    @Override
    public String getBinlogPosition() {
        return binlogPosition;
    }

    @Override
    public long getLagMs() {
        long last = lastEventMs;
        return last < 0 ? -1 : Math.max(0, clock.millis() - last);
    }

    @Override
    public void close() {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            LOG.debug("Ignoring a failure to unregister {}", name, e);
        }
    }
}
