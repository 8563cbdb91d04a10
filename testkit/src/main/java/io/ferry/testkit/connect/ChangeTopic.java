package io.ferry.testkit.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.awaitility.Awaitility;

/**
 * Reads a change topic written with the JSON converter (schemas enabled) the way a consumer would: in
 * partition order, keys and values as JSON payloads, tombstones as null values.
 */
public final class ChangeTopic {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One record: the key's and value's payload (null for a null key or a tombstone), and the Connect schemas
     * the JSON converter wrote beside them (null where there is none).
     */
    public record Event(JsonNode key, JsonNode value, int partition, long offset, JsonNode keySchema,
            JsonNode valueSchema) {

        public String op() {
            return value == null ? null : value.path("op").asText(null);
        }

        /** The after-image, or null for a delete or a tombstone (never a JSON null node). */
        public JsonNode after() {
            return field("after");
        }

        /** The before-image, or null for an insert, a snapshot read or a tombstone. */
        public JsonNode before() {
            return field("before");
        }

        private JsonNode field(String name) {
            JsonNode node = value == null ? null : value.get(name);
            return node == null || node.isNull() ? null : node;
        }
    }

    private final ConnectCluster cluster;
    private final String topic;

    public ChangeTopic(ConnectCluster cluster, String topic) {
        this.cluster = cluster;
        this.topic = topic;
    }

    /** Everything in the topic now, in partition order. */
    public List<Event> readAll() {
        try {
            ConsumerRecords<byte[], byte[]> records = cluster.kafka().consumeAll(30_000, topic);
            List<Event> events = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                JsonNode key = envelope(record.key());
                JsonNode value = envelope(record.value());
                events.add(new Event(part(key, "payload"), part(value, "payload"), record.partition(),
                        record.offset(), part(key, "schema"), part(value, "schema")));
            }
            return events;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Waits until the topic's events satisfy {@code condition}, then returns them. */
    public List<Event> await(Predicate<List<Event>> condition, Duration timeout) {
        // The topic may not exist yet (created with the first record): keep polling through that.
        return Awaitility.await("events in " + topic).atMost(timeout).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(this::readAll, condition);
    }

    /**
     * The table the events describe, replayed in order: each key's last after-image, deleted keys removed.
     * Keys are compared by their JSON text.
     */
    public static Map<String, JsonNode> replay(List<Event> events) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        for (Event event : events) {
            if (event.value() == null) {
                continue; // a tombstone only repeats the delete before it
            }
            String key = event.key() == null ? null : event.key().toString();
            if (event.after() == null || event.after().isNull()) {
                rows.remove(key);
            } else {
                rows.put(key, event.after());
            }
        }
        return rows;
    }

    /** The converter's {@code {"schema": ..., "payload": ...}} object, or null for a null key or value. */
    private static JsonNode envelope(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode part(JsonNode envelope, String name) {
        JsonNode part = envelope == null ? null : envelope.get(name);
        return part == null || part.isNull() ? null : part;
    }
}
