package io.ferry.sink.metrics;

/**
 * JMX view of one sink task: {@code io.ferry:type=sink-task,connector=<name>,task=<n>}. What an operator (and
 * {@code ferry status}) needs: how much was applied, how far behind the source it is, and what is stuck.
 */
public interface SinkTaskMXBean {

    /** Records consumed and committed in the destination (including tombstones, heartbeats and dead-lettered). */
    long getAppliedRecords();

    /** Row writes and deletes after collapsing per key. */
    long getAppliedRows();

    /** Destination transactions committed. */
    long getTransactions();

    /** Batches that failed and were retried. */
    long getRetries();

    /** Records sent to the dead-letter topic. */
    long getDeadLetteredRecords();

    /** Partitions paused because their next row waits for a DDL. */
    int getHeldPartitions();

    /** Milliseconds between the source commit (source.ts_ms) of the last applied change and its apply; -1 before. */
    long getLagMs();

    /** Epoch milliseconds of the last destination commit; -1 before the first. */
    long getLastCommitMs();
}
