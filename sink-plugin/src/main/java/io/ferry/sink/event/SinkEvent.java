package io.ferry.sink.event;

import org.apache.kafka.connect.sink.SinkRecord;

/** What one consumed record means to the sink: a row change, a schema change, or nothing to apply. */
public sealed interface SinkEvent permits RowChange, SchemaChange, Ignored {

    /** The record it was read from (its topic, partition and offset are what the sink commits). */
    SinkRecord record();
}
