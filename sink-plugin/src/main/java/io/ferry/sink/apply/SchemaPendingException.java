package io.ferry.sink.apply;

import io.ferry.sink.table.MissingSchemaException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;

/** The first record of a batch that needs a table or column the destination does not have (yet). */
public final class SchemaPendingException extends ConnectException {

    private final transient SinkRecord record;

    SchemaPendingException(SinkRecord record, MissingSchemaException cause) {
        super("Record " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset() + ": "
                + cause.getMessage(), cause);
        this.record = record;
    }

    public SinkRecord record() {
        return record;
    }
}
