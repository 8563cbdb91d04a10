package io.ferry.sink.metrics;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The counters behind {@link SinkTaskMXBean}, written by the task thread and read by JMX. */
public final class SinkTaskMetrics implements SinkTaskMXBean, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkTaskMetrics.class);

    private final ObjectName name;
    private final AtomicLong appliedRecords = new AtomicLong();
    private final AtomicLong appliedRows = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile int heldPartitions;
    private volatile long lagMs = -1;
    private volatile long lastCommitMs = -1;

    private SinkTaskMetrics(ObjectName name) {
        this.name = name;
    }

    /** Metrics registered with the platform MBean server (a registration failure is logged, not fatal). */
    public static SinkTaskMetrics register(String connector, String task) {
        ObjectName name = null;
        try {
            name = new ObjectName("io.ferry:type=sink-task,connector=" + ObjectName.quote(connector) + ",task="
                    + task);
            SinkTaskMetrics metrics = new SinkTaskMetrics(name);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name); // a previous instance of this task that did not stop cleanly
            }
            server.registerMBean(metrics, name);
            return metrics;
        } catch (JMException e) {
            LOG.warn("Cannot register JMX metrics {}: {}", name, e.getMessage());
            return new SinkTaskMetrics(null);
        }
    }

    /** A committed batch: its records, rows, and the newest source commit time among them (-1 if none). */
    public void committed(int records, long rows, long newestSourceMs, long nowMs) {
        appliedRecords.addAndGet(records);
        appliedRows.addAndGet(rows);
        transactions.incrementAndGet();
        lastCommitMs = nowMs;
        if (newestSourceMs >= 0) {
            lagMs = Math.max(0, nowMs - newestSourceMs);
        }
    }

    public void retried() {
        retries.incrementAndGet();
    }

    public void deadLettered() {
        deadLettered.incrementAndGet();
    }

    public void heldPartitions(int count) {
        heldPartitions = count;
    }

    @Override
    public long getAppliedRecords() {
        return appliedRecords.get();
    }

    @Override
    public long getAppliedRows() {
        return appliedRows.get();
    }

    @Override
    public long getTransactions() {
        return transactions.get();
    }

    @Override
    public long getRetries() {
        return retries.get();
    }

    @Override
    public long getDeadLetteredRecords() {
        return deadLettered.get();
    }

    @Override
    public int getHeldPartitions() {
        return heldPartitions;
    }

    @Override
    public long getLagMs() {
        return lagMs;
    }

    @Override
    public long getLastCommitMs() {
        return lastCommitMs;
    }

    @Override
    public void close() {
        if (name != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            } catch (JMException e) {
                LOG.debug("Unregistering {} failed", name, e);
            }
        }
    }
}
