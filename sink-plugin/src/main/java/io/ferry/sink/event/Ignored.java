package io.ferry.sink.event;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A record with nothing to apply: a tombstone (the delete before it did the work) or a heartbeat. It still
 * counts as consumed, so its offset is committed with the batch.
 *
 * @param reason for the logs and tests
 */
public record Ignored(SinkRecord record, String reason) implements SinkEvent {
}
