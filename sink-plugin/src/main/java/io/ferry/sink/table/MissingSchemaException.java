package io.ferry.sink.table;

import org.apache.kafka.connect.errors.DataException;

/**
 * The destination lacks a table or column an event needs. With {@code ddl.apply} this usually means the DDL
 * that creates it has not been consumed yet (the schema-change topic is read independently of the table topics).
 */
public class MissingSchemaException extends DataException {

    public MissingSchemaException(String message) {
        super(message);
    }
}
