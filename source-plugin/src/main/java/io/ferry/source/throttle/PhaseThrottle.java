package io.ferry.source.throttle;

import io.ferry.common.throttle.Throttle;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/** The limits of one phase (snapshot or stream): rows, bytes and queries per second, each optional. */
public final class PhaseThrottle {

    private final Throttle rows;
    private final Throttle bytes;
    private final Throttle queries;

    public PhaseThrottle(long rowsPerSecond, long bytesPerSecond, long queriesPerSecond, Clock clock) {
        this.rows = Throttle.of(rowsPerSecond, clock);
        this.bytes = Throttle.of(bytesPerSecond, clock);
        this.queries = Throttle.of(queriesPerSecond, clock);
    }

    /** Accounts for a batch just produced, waiting if it went over a limit. */
    public void produced(List<SourceRecord> records) throws InterruptedException {
        rows.acquire(records.size());
        if (!bytes.unlimited()) {
            bytes.acquire(RecordSize.of(records));
        }
    }

    /** Accounts for queries about to be sent, waiting if they would go over the limit. */
    public void queries(int count) throws InterruptedException {
        queries.acquire(count);
    }
}
