package io.ferry.deploy.progress;

/**
 * One selected table's progress.
 *
 * @param table          {@code db.table} on the source
 * @param phase          {@value #SCHEMA} (not copying yet), {@value #FULL} (the full copy is being read),
 *                       {@value #INCREMENTAL} (copy read, binlog changes flowing), {@value #DONE} (full only:
 *                       read and applied)
 * @param rowsTotal      the source's row estimate (information_schema; approximate for InnoDB)
 * @param rowsDone       records the sink applied from the table's topic (copied rows, then also changes)
 * @param pending        records in the table's topic the sink has not applied yet
 * @param stripesDone    snapshot stripes read (from the source connector's offsets)
 * @param stripesTotal   snapshot stripes planned; 0 until the snapshot planned the table
 */
public record TableProgress(String table, String phase, long rowsTotal, long rowsDone, long pending,
                            int stripesDone, int stripesTotal) {

    public static final String SCHEMA = "schema";
    public static final String FULL = "full";
    public static final String INCREMENTAL = "incremental";
    public static final String DONE = "done";

    /** The full copy's fraction (0..1) as far as the estimate allows; 1 once the copy is read and applied. */
    public double fraction() {
        if (!FULL.equals(phase)) {
            return SCHEMA.equals(phase) ? 0 : 1;
        }
        return rowsTotal <= 0 ? 0 : Math.min(1.0, (double) rowsDone / rowsTotal);
    }
}
