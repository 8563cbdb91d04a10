package io.ferry.source.event;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Records on {@code __ferry-heartbeat.<prefix>} whose only purpose is to carry an offset: Connect stores
 * offsets only with records, so progress that produced no change event (a quiet table, an empty snapshot
 * chunk, a finished stripe) would otherwise never be saved.
 */
public final class Heartbeats {

    public static final String TOPIC_PREFIX = "__ferry-heartbeat.";

    static final Schema KEY_SCHEMA = SchemaBuilder.struct().name("io.ferry.source.HeartbeatKey")
            .field("server", Schema.STRING_SCHEMA).build();
    static final Schema VALUE_SCHEMA = SchemaBuilder.struct().name("io.ferry.source.Heartbeat")
            .field("ts_ms", Schema.INT64_SCHEMA).build();

    private final String server;
    private final String topic;

    public Heartbeats(String server) {
        this.server = server;
        this.topic = TOPIC_PREFIX + server;
    }

    public String topic() {
        return topic;
    }

    public SourceRecord record(Map<String, ?> partition, Map<String, ?> offset, long nowMs) {
        Struct key = new Struct(KEY_SCHEMA).put("server", server);
        Struct value = new Struct(VALUE_SCHEMA).put("ts_ms", nowMs);
        return new SourceRecord(partition, offset, topic, null, KEY_SCHEMA, key, VALUE_SCHEMA, value, nowMs);
    }
}
