package io.ferry.source.metrics;

/**
 * What one source task reports over JMX, as {@code io.ferry:type=source-task,connector=<topic.prefix>,task=<n>}.
 */
public interface SourceTaskMXBean {

    /** SNAPSHOT, WAITING (for other tasks' stripes), STREAMING or DONE. */
    String getPhase();

    int getSnapshotStripesTotal();

    int getSnapshotStripesDone();

    long getSnapshotChunksDone();

    long getSnapshotRows();

    /** Change events emitted from the binlog (streaming, and by stripes while they catch up). */
    long getStreamedEvents();

    /** The binlog file and position of the last event read, e.g. {@code binlog.000042:1234}. */
    String getBinlogPosition();

    /** Milliseconds between the source writing the last event read and now; -1 before the first. */
    long getLagMs();
}
