package io.ferry.source.event;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Schema changes on {@code <prefix>}, in binlog order with the row changes, so a sink can replay DDL at the
 * right point. Keyed by database, like Debezium's schema change topic; the value carries the DDL as logged,
 * its database and (where the statement names one) its table, and the binlog position in {@code source}.
 */
public final class SchemaChangeEvents {

    static final Schema KEY_SCHEMA = SchemaBuilder.struct().name("io.ferry.source.SchemaChangeKey")
            .field("databaseName", Schema.STRING_SCHEMA).build();
    static final Schema VALUE_SCHEMA = SchemaBuilder.struct().name("io.ferry.source.SchemaChangeValue")
            .field("source", SourceInfo.SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("databaseName", Schema.STRING_SCHEMA)
            .field("tableName", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ddl", Schema.STRING_SCHEMA)
            .build();

    private final String topic;

    public SchemaChangeEvents(String topic) {
        this.topic = topic;
    }

    public SourceRecord record(Map<String, ?> partition, Map<String, ?> offset, String database, String table,
                               String ddl, Struct source, long nowMs) {
        String db = database == null ? "" : database;
        Struct key = new Struct(KEY_SCHEMA).put("databaseName", db);
        Struct value = new Struct(VALUE_SCHEMA).put("source", source).put("ts_ms", nowMs)
                .put("databaseName", db).put("tableName", table).put("ddl", ddl);
        // One partition: DDL order across databases matters for statements that span them (RENAME TABLE a.t TO b.t).
        return new SourceRecord(partition, offset, topic, 0, KEY_SCHEMA, key, VALUE_SCHEMA, value, nowMs);
    }
}
