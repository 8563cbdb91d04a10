package io.ferry.sink.event;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A DDL statement from the schema-change topic (Ferry's or Debezium's).
 *
 * @param database the default database the statement ran in
 * @param table    the table it changes where the event names one, else null
 * @param ddl      the statement text as the source executed it
 */
public record SchemaChange(SinkRecord record, String database, String table, String ddl) implements SinkEvent {
}
