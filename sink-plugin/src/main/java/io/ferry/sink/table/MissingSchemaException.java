package io.ferry.sink.table;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * The destination lacks a table or column an event needs. With {@code ddl.apply} this usually means the DDL
 * that creates it has not been consumed yet (the schema-change topic is read independently of the table topics);
 * without it, that the operator has not added it yet. A state of the destination, not bad data: it is retried
 * (each retry reads the table definitions again), unlike a {@code DataException}.
 */
public class MissingSchemaException extends ConnectException {

    public MissingSchemaException(String message) {
        super(message);
    }
}
