package io.ferry.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * StreamingJsonConverter must read every record exactly as Kafka's JsonConverter does (same schema and value, or
 * both a DataException), and must do so on its own fast path for ordinary records, not by always delegating.
 */
class StreamingJsonConverterTest {

    private static final String TOPIC = "t";
    private static final long SEED = 20261207L;

    @ParameterizedTest(name = "decimal.format={0}, replace.null.with.default={1}")
    @CsvSource({"BASE64, true", "BASE64, false", "NUMERIC, true", "NUMERIC, false"})
    void randomSchemasAndValuesReadAsKafkaReadsThem(String decimalFormat, boolean replaceNullWithDefault) {
        Map<String, Object> config = Map.of("schemas.enable", "true", "decimal.format", decimalFormat,
                "replace.null.with.default", String.valueOf(replaceNullWithDefault));
        JsonConverter writer = json(new JsonConverter(), config, false);
        JsonConverter kafka = json(new JsonConverter(), config, false);
        StreamingJsonConverter streaming = (StreamingJsonConverter) json(new StreamingJsonConverter(), config, false);
        Random random = new Random(SEED + decimalFormat.hashCode() + (replaceNullWithDefault ? 1 : 0));
        int records = 0;
        int special = 0;
        for (int s = 0; s < 400; s++) {
            Schema schema = randomSchema(random, 3, true);
            for (int v = 0; v < 5; v++) {
                Object value = randomValue(random, schema);
                byte[] bytes = writer.fromConnectData(TOPIC, schema, value);
                if (bytes == null) {
                    continue;
                }
                records++;
                String text = new String(bytes, StandardCharsets.UTF_8);
                // Kafka writes non-finite floats as strings, which its reader turns into 0: left to Kafka by design.
                if (text.contains("\"NaN\"") || text.contains("Infinity\"")) {
                    special += 2;
                }
                assertSameAsKafka(kafka, streaming, bytes);
                // The same record in another layout takes the converter's other path.
                assertSameAsKafka(kafka, streaming, payloadFirst(bytes));
            }
        }
        assertThat(records).isGreaterThan(1500);
        assertThat(streaming.fallbacks()).as("records left to Kafka's converter").isLessThanOrEqualTo(special);
    }

    @Test
    void aDebeziumShapedChangeEventIsReadOnTheFastPath() {
        Schema envelope = OrdersEvents.ENVELOPE;
        Schema key = OrdersEvents.KEY;

        for (String replace : List.of("true", "false")) {
            Map<String, Object> config = Map.of("schemas.enable", "true", "replace.null.with.default", replace);
            JsonConverter writer = json(new JsonConverter(), config, false);
            JsonConverter kafka = json(new JsonConverter(), config, false);
            StreamingJsonConverter streaming = (StreamingJsonConverter) json(new StreamingJsonConverter(), config,
                    false);
            JsonConverter keyWriter = json(new JsonConverter(), config, true);
            JsonConverter keyKafka = json(new JsonConverter(), config, true);
            StreamingJsonConverter keyStreaming = (StreamingJsonConverter) json(new StreamingJsonConverter(),
                    config, true);
            Random random = new Random(SEED);
            for (int i = 0; i < 300; i++) {
                Struct value = OrdersEvents.value(i, random);
                assertSameAsKafka(kafka, streaming, writer.fromConnectData(TOPIC, envelope, value));
                assertSameAsKafka(keyKafka, keyStreaming, keyWriter.fromConnectData(TOPIC, key,
                        new Struct(key).put("id", (long) i)));
            }
            assertThat(streaming.fallbacks()).isZero();
            assertThat(keyStreaming.fallbacks()).isZero();
        }
    }

    private static final String SCHEMA = "{\"type\":\"struct\",\"fields\":["
            + "{\"type\":\"int32\",\"optional\":false,\"field\":\"n\"},"
            + "{\"type\":\"string\",\"optional\":true,\"field\":\"s\"},"
            + "{\"type\":\"int64\",\"optional\":true,\"default\":7,\"field\":\"d\"}],\"optional\":false}";

    @Test
    void handWrittenEdgesReadAsKafkaReadsThem() {
        for (String replace : List.of("true", "false")) {
            Map<String, Object> config = Map.of("schemas.enable", "true", "replace.null.with.default", replace);
            JsonConverter kafka = json(new JsonConverter(), config, false);
            StreamingJsonConverter streaming = (StreamingJsonConverter) json(new StreamingJsonConverter(), config,
                    false);

            // Ours: well-formed records, however their envelope is ordered or their struct fields are.
            assertSameAsKafka(kafka, streaming, envelope("{\"n\":1,\"s\":\"x\",\"d\":null}"));
            assertSameAsKafka(kafka, streaming, utf8("{\"payload\":{\"n\":1,\"s\":null,\"d\":3},\"schema\":"
                    + SCHEMA + "}"));
            assertSameAsKafka(kafka, streaming, utf8(" \n{ \"schema\" : " + SCHEMA + " ,\r\n \"payload\" : {\"d\":"
                    + " 2, \"s\" : \"\\u00e9\\\"\", \"n\" : -5 } }  \n"));
            assertSameAsKafka(kafka, streaming, envelope("{\"n\":1,\"extra\":{\"deep\":[1,{\"x\":null}]}}"));
            assertSameAsKafka(kafka, streaming, envelope("{\"n\":007}"));
            // Brackets, quotes and backslashes inside the schema's strings do not end the schema early.
            String tricky = "{\"type\":\"struct\",\"doc\":\"}]\\\\\\\"{[\\\\\",\"fields\":[{\"type\":\"string\","
                    + "\"field\":\"x}\\\"\"}]}";
            assertSameAsKafka(kafka, streaming, utf8("{\"schema\":" + tricky + ",\"payload\":{\"x}\\\"\":\"]\"}}"));
            assertSameAsKafka(kafka, streaming, utf8("{\"schema\":" + tricky + ",\"payload\":{\"x}\\\"\":\"{\"}}"));
            // Other writers may put integers in float fields; Kafka widens them from int or long, not via float.
            for (String number : List.of("16777217", "-2147483648", "9007199254740993", "-9223372036854775807")) {
                assertSameAsKafka(kafka, streaming, utf8("{\"schema\":{\"type\":\"double\"},\"payload\":"
                        + number + "}"));
                assertSameAsKafka(kafka, streaming, utf8("{\"schema\":{\"type\":\"float\"},\"payload\":"
                        + number + "}"));
            }
            assertThat(streaming.fallbacks()).as("fallbacks for well-formed records").isZero();

            // Kafka's: whatever the fast path does not expect, including records Kafka reads leniently or rejects.
            assertSameAsKafka(kafka, streaming, utf8("{\"schema\":" + SCHEMA + "}"));
            assertSameAsKafka(kafka, streaming, utf8("{\"schema\":" + SCHEMA + ",\"payload\":{\"n\":1},\"x\":1}"));
            assertSameAsKafka(kafka, streaming, envelope("{\"s\":\"no n\"}"));
            assertSameAsKafka(kafka, streaming, envelope("{\"n\":\"12\"}"));
            assertSameAsKafka(kafka, streaming, envelope("{\"n\":1e3}"));
            assertSameAsKafka(kafka, streaming, envelope("{\"n\":1.9}"));
            assertSameAsKafka(kafka, streaming, envelope("{\"n\":4294967297}"));
            assertSameAsKafka(kafka, streaming, envelope("{\"n\":1,\"s\":42}"));
            assertSameAsKafka(kafka, streaming, envelope("{\"n\":1,\"s\":{\"a\":1}}"));
            assertSameAsKafka(kafka, streaming, envelope("{\"n\":1,\"n\":2}"));
            assertSameAsKafka(kafka, streaming, envelope("[1]"));
            assertSameAsKafka(kafka, streaming, envelope("null"));
            assertSameAsKafka(kafka, streaming, envelope("{\"n\":1"));
            assertSameAsKafka(kafka, streaming, utf8("{\"schema\":" + SCHEMA + ",\"payload\":{\"n\":1}} trailing"));
            assertSameAsKafka(kafka, streaming, utf8("{\"schema\":" + SCHEMA + ",\"payload\":{\"n\":1}} {}"));
            assertSameAsKafka(kafka, streaming, utf8("not json"));
            assertSameAsKafka(kafka, streaming, utf8(""));
            assertSameAsKafka(kafka, streaming, utf8("[]"));
            assertSameAsKafka(kafka, streaming, utf8("{\"schema\":null,\"payload\":{\"n\":1,\"s\":[1.5,true]}}"));
            assertSameAsKafka(kafka, streaming, utf8("{\"schema\":{\"type\":\"nope\"},\"payload\":1}"));
            assertSameAsKafka(kafka, streaming, utf8("{\"schema\":\"string\",\"payload\":\"x\"}"));
            assertSameAsKafka(kafka, streaming, utf8("{\"schema\":{\"type\":\"double\"},\"payload\":\"NaN\"}"));
            assertSameAsKafka(kafka, streaming, utf8("{\"schema\":{\"type\":\"float\"},\"payload\":"
                    + "\"-Infinity\"}"));
            assertSameAsKafka(kafka, streaming, utf8("{\"schema\":{\"type\":\"bytes\"},\"payload\":\" AQI= \"}"));
            assertSameAsKafka(kafka, streaming, utf8("{\"schema\":{\"type\":\"bytes\"},\"payload\":\"!!\"}"));
            assertSameAsKafka(kafka, streaming, utf8("{\"schema\":{\"type\":\"int32\",\"name\":"
                    + "\"org.apache.kafka.connect.data.Date\"},\"payload\":12345678901}"));
            assertSameAsKafka(kafka, streaming, null);
            assertThat(streaming.fallbacks()).isPositive();
        }
    }

    @Test
    void schemalessRecordsAreKafkasToRead() {
        Map<String, Object> config = Map.of("schemas.enable", "false");
        JsonConverter kafka = json(new JsonConverter(), config, false);
        StreamingJsonConverter streaming = (StreamingJsonConverter) json(new StreamingJsonConverter(), config, false);
        assertSameAsKafka(kafka, streaming, utf8("{\"a\":1,\"b\":[1.5,\"x\",null],\"c\":{\"d\":true}}"));
        assertSameAsKafka(kafka, streaming, envelope("{\"n\":1}"));
        assertSameAsKafka(kafka, streaming, utf8("not json"));
        assertThat(streaming.fallbacks()).as("schemaless records never enter the fast path").isZero();
    }

    @Test
    void aSchemaInTheConverterConfigIsKafkasToApply() {
        Map<String, Object> config = Map.of("schemas.enable", "true",
                JsonConverterConfig.SCHEMA_CONTENT_CONFIG, "{\"type\":\"int64\"}");
        JsonConverter kafka = json(new JsonConverter(), config, false);
        StreamingJsonConverter streaming = (StreamingJsonConverter) json(new StreamingJsonConverter(), config, false);
        assertSameAsKafka(kafka, streaming, utf8("42"));
        assertSameAsKafka(kafka, streaming, envelope("{\"n\":1}"));
        assertThat(streaming.fallbacks()).isZero();
    }

    @Test
    void theSchemaCacheIsBoundedAndKeyedByTheSchemasBytes() {
        Map<String, Object> config = Map.of("schemas.enable", "true", "schemas.cache.size", "2");
        JsonConverter kafka = json(new JsonConverter(), config, false);
        StreamingJsonConverter streaming = (StreamingJsonConverter) json(new StreamingJsonConverter(), config, false);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5; i++) {
                String schema = "{\"type\":\"struct\",\"name\":\"s" + i + "\",\"fields\":[{\"type\":\"int32\","
                        + "\"field\":\"f" + i + "\",\"optional\":true}]}";
                assertSameAsKafka(kafka, streaming, utf8("{\"schema\":" + schema + ",\"payload\":{\"f" + i + "\":"
                        + (round * 10 + i) + "}}"));
            }
        }
        assertThat(streaming.fallbacks()).isZero();
    }

    /** {"payload":P,"schema":S} from {"schema":S,"payload":P}, the bytes of S and P unchanged. */
    private static byte[] payloadFirst(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        String prefix = "{\"schema\":";
        assertThat(text).startsWith(prefix).endsWith("}");
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            parser.nextToken();
            parser.nextToken();
            parser.nextToken();
            parser.skipChildren();
            int schemaEnd = Math.toIntExact(parser.currentLocation().getCharOffset());
            String schema = text.substring(prefix.length(), schemaEnd);
            String rest = text.substring(schemaEnd);
            assertThat(rest).startsWith(",\"payload\":");
            String payload = rest.substring(",\"payload\":".length(), rest.length() - 1);
            return utf8("{\"payload\":" + payload + ",\"schema\":" + schema + "}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonConverter json(JsonConverter converter, Map<String, Object> config, boolean isKey) {
        converter.configure(config, isKey);
        return converter;
    }

    private static byte[] envelope(String payload) {
        return utf8("{\"schema\":" + SCHEMA + ",\"payload\":" + payload + "}");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The same schema and an equal value (arrays by content), or a DataException from both. */
    private static void assertSameAsKafka(JsonConverter kafka, StreamingJsonConverter streaming, byte[] bytes) {
        String text = bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
        SchemaAndValue expected;
        try {
            expected = kafka.toConnectData(TOPIC, bytes);
        } catch (DataException e) {
            try {
                SchemaAndValue actual = streaming.toConnectData(TOPIC, bytes);
                fail("Kafka throws %s, the streaming converter returned %s for %s", e, actual, text);
            } catch (DataException expectedToo) {
                assertThat(expectedToo).hasMessage(e.getMessage());
            }
            return;
        }
        SchemaAndValue actual = streaming.toConnectData(TOPIC, bytes);
        assertThat(actual.schema()).as(text).isEqualTo(expected.schema());
        if (!deepEquals(expected.value(), actual.value())) {
            fail("for %s%nKafka:     %s%nstreaming: %s", text, expected.value(), actual.value());
        }
    }

    private static boolean deepEquals(Object a, Object b) {
        if (a instanceof Struct x && b instanceof Struct y) {
            if (!x.schema().equals(y.schema())) {
                return false;
            }
            for (Field field : x.schema().fields()) {
                if (!deepEquals(x.getWithoutDefault(field.name()), y.getWithoutDefault(field.name()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                if (!y.containsKey(entry.getKey()) || !deepEquals(entry.getValue(), y.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a != null && b != null && a.getClass() == b.getClass() && Objects.deepEquals(a, b)
                || a == null && b == null;
    }

    // Random schemas: every type, logical types, nesting, optional fields and defaults.

    private static int fieldCounter;

    static Schema randomSchema(Random random, int depth, boolean top) {
        int kinds = depth > 0 ? 18 : 14;
        int kind = top ? 17 : random.nextInt(kinds);
        SchemaBuilder builder = switch (kind) {
            case 0 -> SchemaBuilder.int8();
            case 1 -> SchemaBuilder.int16();
            case 2 -> SchemaBuilder.int32();
            case 3 -> SchemaBuilder.int64();
            case 4 -> SchemaBuilder.float32();
            case 5 -> SchemaBuilder.float64();
            case 6 -> SchemaBuilder.bool();
            case 7 -> SchemaBuilder.string();
            case 8 -> SchemaBuilder.bytes();
            case 9 -> Decimal.builder(random.nextInt(12) - 2);
            case 10 -> Date.builder();
            case 11 -> Time.builder();
            case 12 -> Timestamp.builder();
            case 13 -> SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp");
            case 14 -> SchemaBuilder.array(randomSchema(random, depth - 1, false));
            case 15 -> SchemaBuilder.map(Schema.STRING_SCHEMA, randomSchema(random, depth - 1, false));
            case 16 -> SchemaBuilder.map(random.nextBoolean() ? Schema.INT32_SCHEMA : Schema.INT64_SCHEMA,
                    randomSchema(random, depth - 1, false));
            default -> {
                SchemaBuilder struct = SchemaBuilder.struct().name("s" + random.nextInt(1000));
                int fields = 1 + random.nextInt(top ? 8 : 4);
                for (int i = 0; i < fields; i++) {
                    struct.field("f" + (fieldCounter++ % 50) + "_" + i, randomSchema(random, depth - 1, false));
                }
                yield struct;
            }
        };
        if (random.nextInt(5) < 2) {
            builder.optional();
        }
        if (kind < 14 && random.nextInt(4) == 0) {
            builder.defaultValue(randomValue(random, builder.build(), false));
        }
        if (random.nextInt(6) == 0) {
            builder.doc("doc \"" + random.nextInt(10) + "\"");
        }
        return builder.build();
    }

    static Object randomValue(Random random, Schema schema) {
        return randomValue(random, schema, true);
    }

    private static Object randomValue(Random random, Schema schema, boolean mayBeNull) {
        if (mayBeNull && schema.isOptional() && random.nextInt(4) == 0) {
            return null;
        }
        if (schema.name() != null) {
            switch (schema.name()) {
                case Decimal.LOGICAL_NAME -> {
                    int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
                    BigInteger unscaled = new BigInteger(1 + random.nextInt(random.nextBoolean() ? 20 : 120), random);
                    return new BigDecimal(random.nextBoolean() ? unscaled.negate() : unscaled, scale);
                }
                case Date.LOGICAL_NAME -> {
                    return new java.util.Date((random.nextInt(40_000) - 20_000) * 86_400_000L);
                }
                case Time.LOGICAL_NAME -> {
                    return new java.util.Date(random.nextInt(86_400_000));
                }
                case Timestamp.LOGICAL_NAME -> {
                    return new java.util.Date(random.nextLong() / 1000);
                }
                default -> {
                }
            }
        }
        return switch (schema.type()) {
            case INT8 -> (byte) random.nextInt();
            case INT16 -> (short) random.nextInt();
            case INT32 -> random.nextBoolean() ? random.nextInt() : random.nextInt(100);
            case INT64 -> random.nextBoolean() ? random.nextLong() : (long) random.nextInt();
            case FLOAT32 -> randomFloat(random);
            case FLOAT64 -> randomDouble(random);
            case BOOLEAN -> random.nextBoolean();
            case STRING -> randomString(random);
            case BYTES -> randomBytes(random);
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, schema.valueSchema()));
                }
                yield list;
            }
            case MAP -> {
                Map<Object, Object> map = new HashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(randomValue(random, schema.keySchema(), false), randomValue(random, schema.valueSchema()));
                }
                yield map;
            }
            case STRUCT -> {
                Struct struct = new Struct(schema);
                for (Field field : schema.fields()) {
                    struct.put(field, randomValue(random, field.schema()));
                }
                yield struct;
            }
        };
    }

    private static float randomFloat(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> Float.NaN;
            case 1 -> random.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
            case 2 -> -0.0f;
            case 3 -> Float.MIN_VALUE;
            case 4 -> Float.MAX_VALUE;
            case 5 -> random.nextInt(1000);
            default -> Float.intBitsToFloat(random.nextInt());
        };
    }

    private static double randomDouble(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> Double.NaN;
            case 1 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 2 -> -0.0;
            case 3 -> Double.MIN_VALUE;
            case 4 -> random.nextInt(1000) / 8.0;
            case 5 -> random.nextLong();
            default -> Double.longBitsToDouble(random.nextLong());
        };
    }

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(switch (random.nextInt(8)) {
                case 0 -> '"';
                case 1 -> '\\';
                case 2 -> (char) random.nextInt(32);
                case 3 -> (char) (0x80 + random.nextInt(0x700));
                case 4 -> "\ud83d\ude00";
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return text.toString();
    }

    static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(20)];
        random.nextBytes(bytes);
        return bytes;
    }
}
