package io.ferry.source.snapshot;

import io.ferry.source.binlog.BinlogReadException;
import io.ferry.source.plan.Stripe;
import io.ferry.source.plan.StripeProgress;
import java.sql.SQLException;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The read of one stripe as {@link SnapshotPhase} drives it: chunk after chunk until finished. A table with a
 * key is read by {@link StripeReader}, one without by {@link KeylessStripeReader}.
 */
interface StripeRead extends AutoCloseable {

    /** The records of the next chunk (never empty: at least a progress marker); the last one finishes the stripe. */
    List<SourceRecord> nextChunk() throws SQLException, InterruptedException, BinlogReadException;

    boolean finished();

    Stripe stripe();

    /** The progress reached so far, as the records handed out carry it. */
    StripeProgress progress();

    @Override
    void close() throws SQLException;
}
