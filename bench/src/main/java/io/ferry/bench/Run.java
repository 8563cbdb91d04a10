package io.ferry.bench;

/**
 * One timed run of a scenario.
 *
 * @param rows         rows delivered
 * @param nanos        from start (deploy, or first query) to the last row delivered
 * @param firstRowNanos from start to the first row delivered (startup latency); -1 where not measured
 * @param outputBytes  bytes written to Kafka (the topic's log size); -1 where not measured
 * @param transactions transactions committed in the destination; -1 where not measured
 */
record Run(long rows, long nanos, long firstRowNanos, long outputBytes, long transactions) {

    Run(long rows, long nanos, long firstRowNanos, long outputBytes) {
        this(rows, nanos, firstRowNanos, outputBytes, -1);
    }

    double rowsPerSecond() {
        return rows * 1e9 / nanos;
    }

    /** Average rows per destination transaction; -1 where not measured. */
    double rowsPerTransaction() {
        return transactions <= 0 ? -1 : (double) rows / transactions;
    }
}
