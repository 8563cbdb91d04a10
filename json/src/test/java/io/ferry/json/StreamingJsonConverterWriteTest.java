package io.ferry.json;

import static io.ferry.json.StreamingJsonConverterTest.json;
import static io.ferry.json.StreamingJsonConverterTest.randomSchema;
import static io.ferry.json.StreamingJsonConverterTest.randomValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * StreamingJsonConverter must write every record byte for byte as Kafka's JsonConverter does (or throw the exception
 * Kafka throws), and must do so on its own fast path for ordinary records, not by always delegating.
 */
class StreamingJsonConverterWriteTest {

    private static final String TOPIC = "t";
    private static final long SEED = 20261207L;

    @ParameterizedTest(name = "decimal.format={0}, replace.null.with.default={1}")
    @CsvSource({"BASE64, true", "BASE64, false", "NUMERIC, true", "NUMERIC, false"})
    void randomSchemasAndValuesAreWrittenAsKafkaWritesThem(String decimalFormat, boolean replaceNullWithDefault) {
        Map<String, Object> config = Map.of("schemas.enable", "true", "decimal.format", decimalFormat,
                "replace.null.with.default", String.valueOf(replaceNullWithDefault));
        JsonConverter kafka = json(new JsonConverter(), config, false);
        StreamingJsonConverter streaming = (StreamingJsonConverter) json(new StreamingJsonConverter(), config, false);
        Random random = new Random(SEED + decimalFormat.hashCode() + (replaceNullWithDefault ? 1 : 0));
        int records = 0;
        int refused = 0;
        for (int s = 0; s < 400; s++) {
            Schema schema = randomSchema(random, 3, true);
            // An equal schema in another instance: not an identity hit, the same bytes all the same.
            Schema copy = copy(schema);
            assertThat(copy).isEqualTo(schema).isNotSameAs(schema);
            for (int v = 0; v < 5; v++) {
                Object value = randomValue(random, schema);
                assertSameAsKafka(kafka, streaming, schema, value);
                assertSameAsKafka(kafka, streaming, copy, value);
                records += 2;
            }
            // Nulls where the top-level struct's fields are required: Kafka writes the default or throws.
            refused += assertSameAsKafka(kafka, streaming, schema, new Struct(schema)) ? 0 : 1;
            refused += assertSameAsKafka(kafka, streaming, schema, null) ? 0 : 1;
        }
        assertThat(records).isEqualTo(4000);
        // The partial structs and null values that Kafka refuses to write are the only fallbacks.
        assertThat(refused).isPositive();
        assertThat(streaming.writeFallbacks()).as("records left to Kafka's converter").isEqualTo(refused);
        assertThat(StreamingJsonConverter.writtenRecords()).isPositive();
    }

    @Test
    void aDebeziumShapedChangeEventIsWrittenOnTheFastPath() {
        for (String decimalFormat : List.of("BASE64", "NUMERIC")) {
            for (String replace : List.of("true", "false")) {
                Map<String, Object> config = Map.of("schemas.enable", "true", "replace.null.with.default", replace,
                        "decimal.format", decimalFormat);
                JsonConverter kafka = json(new JsonConverter(), config, false);
                StreamingJsonConverter streaming = (StreamingJsonConverter) json(new StreamingJsonConverter(),
                        config, false);
                JsonConverter keyKafka = json(new JsonConverter(), config, true);
                StreamingJsonConverter keyStreaming = (StreamingJsonConverter) json(new StreamingJsonConverter(),
                        config, true);
                long writtenBefore = StreamingJsonConverter.writtenRecords();
                Random random = new Random(SEED);
                for (int i = 0; i < 300; i++) {
                    assertSameAsKafka(kafka, streaming, OrdersEvents.ENVELOPE, OrdersEvents.value(i, random));
                    assertSameAsKafka(keyKafka, keyStreaming, OrdersEvents.KEY, OrdersEvents.key(i));
                    // A tombstone's value: no schema, no value.
                    assertThat(streaming.fromConnectData(TOPIC, null, null)).isNull();
                }
                assertThat(streaming.writeFallbacks()).isZero();
                assertThat(keyStreaming.writeFallbacks()).isZero();
                assertThat(StreamingJsonConverter.writtenRecords() - writtenBefore).isGreaterThanOrEqualTo(600);
                // What was written reads back as it was.
                Struct value = OrdersEvents.value(1, new Random(SEED));
                assertThat(streaming.toConnectData(TOPIC, streaming.fromConnectData(TOPIC, OrdersEvents.ENVELOPE,
                        value)).value()).isEqualTo(value);
            }
        }
    }

    @Test
    void handWrittenEdgesAreWrittenAsKafkaWritesThem() {
        for (String replace : List.of("true", "false")) {
            Map<String, Object> config = Map.of("schemas.enable", "true", "replace.null.with.default", replace);
            JsonConverter kafka = json(new JsonConverter(), config, false);
            StreamingJsonConverter streaming = (StreamingJsonConverter) json(new StreamingJsonConverter(), config,
                    false);
            Schema struct = SchemaBuilder.struct().name("s")
                    .field("n", Schema.INT32_SCHEMA)
                    .field("d", SchemaBuilder.int64().defaultValue(7L).build())
                    .field("o", SchemaBuilder.string().optional().defaultValue("dflt").build())
                    .build();

            // Ours: values of the schema's types, whatever their collection classes.
            assertSameAsKafka(kafka, streaming, struct, new Struct(struct).put("n", 1).put("d", 2L));
            assertSameAsKafka(kafka, streaming, Schema.OPTIONAL_STRING_SCHEMA, null);
            assertSameAsKafka(kafka, streaming, SchemaBuilder.string().optional().defaultValue("x").build(), null);
            assertSameAsKafka(kafka, streaming, Schema.STRING_SCHEMA, new StringBuilder("sb \u00e9"));
            assertSameAsKafka(kafka, streaming, Schema.BYTES_SCHEMA, new byte[0]);
            assertSameAsKafka(kafka, streaming, Schema.BYTES_SCHEMA, ByteBuffer.wrap(new byte[] {1, 2, 3, 4}, 1, 2));
            assertSameAsKafka(kafka, streaming, Schema.FLOAT64_SCHEMA, Double.NaN);
            assertSameAsKafka(kafka, streaming, Schema.FLOAT32_SCHEMA, Float.NEGATIVE_INFINITY);
            assertSameAsKafka(kafka, streaming, Schema.FLOAT64_SCHEMA, 1e300);
            assertSameAsKafka(kafka, streaming, Decimal.schema(-3), new BigDecimal("1.5E+6").setScale(-3));
            assertSameAsKafka(kafka, streaming, SchemaBuilder.array(Schema.INT32_SCHEMA).build(),
                    new java.util.LinkedList<>(List.of(3, 1, 2)));
            Map<String, Integer> ordered = new LinkedHashMap<>();
            ordered.put("z", 1);
            ordered.put("a", null);
            ordered.put("\"q\"", 3);
            assertSameAsKafka(kafka, streaming, SchemaBuilder.map(Schema.STRING_SCHEMA,
                    Schema.OPTIONAL_INT32_SCHEMA).build(), ordered);
            Map<Integer, String> pairs = new LinkedHashMap<>();
            pairs.put(2, "b");
            pairs.put(1, null);
            assertSameAsKafka(kafka, streaming, SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA)
                    .build(), pairs);
            Schema nested = SchemaBuilder.struct().field("inner", struct).field("list",
                    SchemaBuilder.array(struct).optional().build()).build();
            Struct inner = new Struct(struct).put("n", 5).put("d", 0L);
            Struct element = new Struct(copy(struct)).put("n", 6).put("d", -1L).put("o", "x");
            assertSameAsKafka(kafka, streaming, nested, new Struct(nested).put("inner", inner)
                    .put("list", List.of(element)));
            RecordHeaders headers = new RecordHeaders();
            assertThat(streaming.fromConnectData(TOPIC, headers, Schema.INT32_SCHEMA, 5))
                    .isEqualTo(kafka.fromConnectData(TOPIC, headers, Schema.INT32_SCHEMA, 5));
            assertThat(streaming.writeFallbacks()).as("fallbacks for ordinary records").isZero();

            // Kafka's: whatever the fast path does not expect, including what Kafka writes leniently or refuses.
            assertSameAsKafka(kafka, streaming, struct, new Struct(struct));
            assertSameAsKafka(kafka, streaming, struct, new Struct(struct).put("n", 1));
            assertSameAsKafka(kafka, streaming, Schema.INT32_SCHEMA, null);
            assertSameAsKafka(kafka, streaming, Schema.INT32_SCHEMA, 5L);
            assertSameAsKafka(kafka, streaming, Schema.INT8_SCHEMA, 5);
            assertSameAsKafka(kafka, streaming, Schema.STRING_SCHEMA, 5);
            assertSameAsKafka(kafka, streaming, Schema.BYTES_SCHEMA, "bytes");
            assertSameAsKafka(kafka, streaming, Schema.BYTES_SCHEMA, ByteBuffer.allocateDirect(3));
            assertSameAsKafka(kafka, streaming, Schema.BYTES_SCHEMA,
                    ByteBuffer.wrap(new byte[] {1}).asReadOnlyBuffer());
            assertSameAsKafka(kafka, streaming, struct, new Struct(SchemaBuilder.struct().name("other")
                    .field("n", Schema.INT32_SCHEMA).build()).put("n", 1));
            assertSameAsKafka(kafka, streaming, struct, Map.of("n", 1));
            assertSameAsKafka(kafka, streaming, Decimal.schema(2), 1.5);
            assertSameAsKafka(kafka, streaming, Decimal.schema(2), new BigDecimal("1.234"));
            assertSameAsKafka(kafka, streaming, Date.SCHEMA, new java.util.Date(1234));
            assertSameAsKafka(kafka, streaming, Timestamp.SCHEMA, 1234L);
            Map<String, Integer> nullKey = new HashMap<>();
            nullKey.put(null, 1);
            assertSameAsKafka(kafka, streaming, SchemaBuilder.map(Schema.OPTIONAL_STRING_SCHEMA,
                    Schema.INT32_SCHEMA).build(), nullKey);
            Map<Object, Integer> wrongKey = new HashMap<>();
            wrongKey.put(5, 1);
            assertSameAsKafka(kafka, streaming, SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(),
                    wrongKey);
            // A SchemaBuilder is a mutable schema: not one to cache by identity.
            SchemaBuilder builder = SchemaBuilder.struct().field("n", Schema.INT32_SCHEMA);
            assertSameAsKafka(kafka, streaming, builder, new Struct(builder).put("n", 1));
            assertThat(streaming.writeFallbacks()).isPositive();
        }
    }

    @Test
    void schemalessAndEnvelopeFreeRecordsAreKafkasToWrite() {
        for (Map<String, Object> config : List.<Map<String, Object>>of(Map.of("schemas.enable", "false"),
                Map.of("schemas.enable", "true", JsonConverterConfig.SCHEMA_CONTENT_CONFIG, "{\"type\":\"int64\"}"))) {
            JsonConverter kafka = json(new JsonConverter(), config, false);
            StreamingJsonConverter streaming = (StreamingJsonConverter) json(new StreamingJsonConverter(), config,
                    false);
            long written = StreamingJsonConverter.writtenRecords();
            assertSameAsKafka(kafka, streaming, Schema.INT64_SCHEMA, 42L);
            assertSameAsKafka(kafka, streaming, OrdersEvents.ENVELOPE, OrdersEvents.value(1, new Random(SEED)));
            assertSameAsKafka(kafka, streaming, null, Map.of("a", List.of(1, 2)));
            assertThat(StreamingJsonConverter.writtenRecords()).isEqualTo(written);
        }
        Map<String, Object> config = Map.of("schemas.enable", "true");
        JsonConverter kafka = json(new JsonConverter(), config, false);
        StreamingJsonConverter streaming = (StreamingJsonConverter) json(new StreamingJsonConverter(), config, false);
        assertSameAsKafka(kafka, streaming, null, Map.of("a", List.of(1, 2)));
        assertSameAsKafka(kafka, streaming, null, null);
        assertThat(streaming.writeFallbacks()).isZero();
    }

    @Test
    void theSchemaCacheIsBoundedAndKeyedBySchemaInstances() {
        Map<String, Object> config = Map.of("schemas.enable", "true", "schemas.cache.size", "2");
        JsonConverter kafka = json(new JsonConverter(), config, false);
        StreamingJsonConverter streaming = (StreamingJsonConverter) json(new StreamingJsonConverter(), config, false);
        List<Schema> schemas = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            schemas.add(SchemaBuilder.struct().name("s" + i).field("f" + i, Schema.OPTIONAL_INT32_SCHEMA).build());
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5; i++) {
                Schema schema = round == 2 ? copy(schemas.get(i)) : schemas.get(i);
                assertSameAsKafka(kafka, streaming, schema, new Struct(schema).put("f" + i, round * 10 + i));
                assertSameAsKafka(kafka, streaming, schema, new Struct(schema).put("f" + i, round * 10 + i));
            }
        }
        assertThat(streaming.writeFallbacks()).isZero();
    }

    /** Kafka's bytes, or Kafka's exception (class and message) from both; false if Kafka threw. */
    private static boolean assertSameAsKafka(JsonConverter kafka, StreamingJsonConverter streaming, Schema schema,
            Object value) {
        byte[] expected;
        try {
            expected = kafka.fromConnectData(TOPIC, schema, value);
        } catch (RuntimeException e) {
            try {
                byte[] actual = streaming.fromConnectData(TOPIC, schema, value);
                fail("Kafka throws %s, the streaming converter wrote %s", e, text(actual));
            } catch (RuntimeException expectedToo) {
                assertThat(expectedToo).hasSameClassAs(e).hasMessage(e.getMessage());
            }
            return false;
        }
        byte[] actual = streaming.fromConnectData(TOPIC, schema, value);
        if (!Arrays.equals(expected, actual)) {
            fail("for %s%nKafka:     %s%nstreaming: %s", value, text(expected), text(actual));
        }
        return true;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }

    /** An equal schema, every part of it a new instance. */
    static Schema copy(Schema schema) {
        if (schema == null) {
            return null;
        }
        List<Field> fields = new ArrayList<>();
        if (schema.type() == Schema.Type.STRUCT) {
            for (Field field : schema.fields()) {
                fields.add(new Field(field.name(), field.index(), copy(field.schema())));
            }
        }
        Map<String, String> parameters = schema.parameters() == null ? null
                : new LinkedHashMap<>(schema.parameters());
        Schema key = schema.type() == Schema.Type.MAP ? copy(schema.keySchema()) : null;
        Schema value = schema.type() == Schema.Type.MAP || schema.type() == Schema.Type.ARRAY
                ? copy(schema.valueSchema()) : null;
        return new ConnectSchema(schema.type(), schema.isOptional(), schema.defaultValue(), schema.name(),
                schema.version(), schema.doc(), parameters, fields, key, value);
    }
}
