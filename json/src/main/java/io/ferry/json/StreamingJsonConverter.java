package io.ferry.json;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.DecimalFormat;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;

/**
 * Kafka Connect's {@link JsonConverter} with a cheaper read and write of enveloped records
 * ({@code schemas.enable=true}).
 *
 * <p>Reading: profiling showed the sink task thread spending 67% of its time in {@code JsonConverter.toConnectData}:
 * 45% in Jackson's {@code readTree} of the whole message, the embedded schema included, and 14% in the converter's
 * schema cache hashing each record's schema tree; yet every record of a table carries the same ~2 KB schema. This
 * converter does not parse the schema again: it compares the schema's bytes with the previous record's, or else
 * delimits them and looks them up in a cache keyed by bytes (parsing and converting them with Kafka's own
 * {@code asConnectSchema} only on a miss), and it decodes the payload token by token against the schema with a
 * streaming parser, building no tree. About five times faster than Kafka's converter on a Debezium change event.
 *
 * <p>Writing: the source task thread spent 60% of its time in {@code JsonConverter.fromConnectData}, which looks the
 * schema up in a cache keyed by the schema's deep equality, builds a tree of the envelope and the payload, and
 * serializes it all, the schema included, for every record. This converter keeps the envelope schema's serialized
 * JSON per schema instance (Ferry's source reuses its schemas; Kafka's own {@code asJsonSchema} makes it on a miss)
 * and copies it, and streams the payload from the value with a generator, building no tree. The bytes are Kafka's,
 * byte for byte.
 *
 * <p>It is wire compatible and gives the same results as Kafka's converter because it does not try to be lenient
 * where Kafka's is: whenever a record holds anything the fast path does not expect (a token that does not match
 * the schema's type, a missing or null {@code schema}, an extra envelope field, malformed JSON, any exception; on the
 * write side a value of another type than its schema's, a null Kafka refuses, a mutable SchemaBuilder as schema), the
 * record is converted again by Kafka's {@link JsonConverter}, which then returns Kafka's result or throws Kafka's
 * error. Records without an envelope (schemaless, {@code schemas.enable=false}, {@code schema.content}) are Kafka's
 * converter's throughout; configuration keys and defaults are all inherited unchanged.
 */
public class StreamingJsonConverter extends JsonConverter {

    /** Parses as Kafka's JsonDeserializer does (leading zeros allowed), so both accept the same documents. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS).build();
    /**
     * Builds the schema tree as Kafka's converter builds it (floats as exact BigDecimals), because schema defaults
     * are converted from that tree.
     */
    private static final ObjectMapper SCHEMA_READER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    /** Thrown, never logged, to leave the fast path; preallocated because it is control flow, not an error. */
    private static final FallBack FALL_BACK = new FallBack();
    /**
     * Records read on the fast path and records handed to Kafka's converter, by all instances of this class loader:
     * how a test of a real pipeline, whose converters Connect creates, tells that the fast path was the rule.
     */
    private static final LongAdder STREAMED = new LongAdder();
    private static final LongAdder FELL_BACK = new LongAdder();
    /** The same for writing: records written on the fast path, and records handed to Kafka's converter. */
    private static final LongAdder WRITTEN = new LongAdder();
    private static final LongAdder WRITE_FELL_BACK = new LongAdder();

    private static final byte[] SCHEMA_PREFIX = "{\"schema\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD_PREFIX = ",\"payload\":".getBytes(StandardCharsets.US_ASCII);
    /** Buffers larger than this are not kept between records (one huge record should not pin its memory). */
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    private static final byte[] OPEN = {'{'};
    private static final byte[] CLOSE = {'}'};
    private static final byte[] COLON = {':'};
    private static final byte[] COMMA = {','};
    private static final byte[] SCHEMA_NAME = "\"schema\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD_NAME = "\"payload\"".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> LOGICAL_NAMES = Set.of(Decimal.LOGICAL_NAME,
            Date.LOGICAL_NAME, Time.LOGICAL_NAME, Timestamp.LOGICAL_NAME);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private boolean streaming;
    private boolean replaceNullWithDefault;
    private SchemaCache schemas;
    /** The schema of the previous record: consecutive records usually share theirs. Immutable, so safely shared. */
    private CachedSchema last;
    private final AtomicLong fallbacks = new AtomicLong();

    /**
     * Serializes the envelope schemas as Kafka's JsonSerializer serializes its trees (a default ObjectMapper with the
     * converter's node factory), and creates the generators that write payloads, so both share its settings.
     */
    private final ObjectMapper writer = JsonMapper.builder().nodeFactory(new JsonNodeFactory(true)).build();
    private boolean numericDecimals;
    private WriteSchemaCache writeSchemas;
    /** A buffer kept between records; taken by one writer at a time, so concurrent callers each get their own. */
    private final AtomicReference<Buffer> spareBuffer = new AtomicReference<>();
    private final AtomicLong writeFallbacks = new AtomicLong();

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        JsonConverterConfig config = new JsonConverterConfig(configs);
        // A schema given in the config (schema.content) replaces the envelope: nothing for the fast path to read.
        streaming = config.schemasEnabled() && config.schemaContent() == null;
        replaceNullWithDefault = config.replaceNullWithDefault();
        numericDecimals = config.decimalFormat() == DecimalFormat.NUMERIC;
        schemas = new SchemaCache(config.schemaCacheSize());
        writeSchemas = new WriteSchemaCache(config.schemaCacheSize());
    }

    @Override
    public byte[] fromConnectData(String topic, Headers headers, Schema schema, Object value) {
        return fromConnectData(topic, schema, value);
    }

    /**
     * Kafka's bytes, written without building a tree: the envelope schema's JSON is serialized once per schema
     * instance (by Kafka's own {@link #asJsonSchema}) and copied, and the payload is streamed from the value. Whatever
     * this path does not expect (a value of another type than its schema's, a null where Kafka throws, a SchemaBuilder
     * as schema, any exception) is written again by {@link JsonConverter#fromConnectData(String, Schema, Object)},
     * which then returns Kafka's bytes or throws Kafka's error.
     */
    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (!streaming || schema == null) {
            return super.fromConnectData(topic, schema, value);
        }
        byte[] result = null;
        try {
            result = write(schema, value);
        } catch (IOException | RuntimeException e) {
            result = null;
        }
        if (result == null) {
            writeFallbacks.incrementAndGet();
            WRITE_FELL_BACK.increment();
            return super.fromConnectData(topic, schema, value);
        }
        WRITTEN.increment();
        return result;
    }

    @Override
    public SchemaAndValue toConnectData(String topic, Headers headers, byte[] value) {
        return toConnectData(topic, value);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (!streaming || value == null) {
            return super.toConnectData(topic, value);
        }
        SchemaAndValue result;
        try {
            result = readCommonLayout(value);
            if (result == null) {
                result = read(value);
            }
        } catch (IOException | RuntimeException e) {
            fallbacks.incrementAndGet();
            FELL_BACK.increment();
            return super.toConnectData(topic, value);
        }
        STREAMED.increment();
        return result;
    }

    /** How many records the fast path handed to Kafka's converter (for tests: the fast path must be the rule). */
    long fallbacks() {
        return fallbacks.get();
    }

    static long streamedRecords() {
        return STREAMED.sum();
    }

    /** How many records this instance's fast write path handed to Kafka's converter. */
    long writeFallbacks() {
        return writeFallbacks.get();
    }

    static long writtenRecords() {
        return WRITTEN.sum();
    }

    static long writeFallbackRecords() {
        return WRITE_FELL_BACK.sum();
    }

    /** The envelope, or null for Kafka's converter to write. */
    private byte[] write(Schema schema, Object value) throws IOException {
        byte[] schemaJson = writeSchemas.get(schema);
        if (schemaJson == null) {
            schemaJson = eligible(schema, 0) ? writer.writeValueAsBytes(asJsonSchema(schema)) : WriteSchemaCache.KAFKAS;
            writeSchemas.put(schema, schemaJson);
        }
        if (schemaJson == WriteSchemaCache.KAFKAS) {
            return null;
        }
        Buffer buffer = spareBuffer.getAndSet(null);
        if (buffer == null) {
            buffer = new Buffer();
        }
        try {
            buffer.reset();
            buffer.write(SCHEMA_PREFIX);
            buffer.write(schemaJson);
            buffer.write(PAYLOAD_PREFIX);
            try (JsonGenerator generator = writer.createGenerator(buffer, JsonEncoding.UTF8)) {
                payload(generator, schema, value);
            }
            buffer.write('}');
            return buffer.toByteArray();
        } finally {
            if (buffer.capacity() <= MAX_KEPT_BUFFER) {
                spareBuffer.set(buffer);
            }
        }
    }

    /**
     * Whether the fast path writes values of this schema: immutable ConnectSchemas all the way down (a SchemaBuilder
     * can change after it was cached by identity), not too deep to recurse into.
     */
    private static boolean eligible(Schema schema, int depth) {
        if (!(schema instanceof ConnectSchema) || depth > 64) {
            return false;
        }
        switch (schema.type()) {
            case ARRAY:
                return eligible(schema.valueSchema(), depth + 1);
            case MAP:
                return eligible(schema.keySchema(), depth + 1) && eligible(schema.valueSchema(), depth + 1);
            case STRUCT:
                for (Field field : schema.fields()) {
                    if (!eligible(field.schema(), depth + 1)) {
                        return false;
                    }
                }
                return true;
            default:
                return true;
        }
    }

    /** The payload as Kafka's converter converts it, streamed; a FallBack where Kafka throws or might differ. */
    private void payload(JsonGenerator generator, Schema schema, Object value) throws IOException {
        if (value == null) {
            if (schema.defaultValue() != null && replaceNullWithDefault) {
                payload(generator, schema, schema.defaultValue());
                return;
            }
            // A required field without its default: Kafka's DataException, which its converter will throw.
            expect(schema.isOptional());
            generator.writeNull();
            return;
        }
        String name = schema.name();
        // Kafka's converter picks its logical conversions by schema name alone, before looking at the type.
        if (name != null) {
            switch (name) {
                case Decimal.LOGICAL_NAME:
                    expect(value instanceof BigDecimal);
                    if (numericDecimals) {
                        generator.writeNumber((BigDecimal) value);
                    } else {
                        generator.writeBinary(Decimal.fromLogical(schema, (BigDecimal) value));
                    }
                    return;
                case Date.LOGICAL_NAME:
                    expect(value instanceof java.util.Date);
                    generator.writeNumber(Date.fromLogical(schema, (java.util.Date) value));
                    return;
                case Time.LOGICAL_NAME:
                    expect(value instanceof java.util.Date);
                    generator.writeNumber(Time.fromLogical(schema, (java.util.Date) value));
                    return;
                case Timestamp.LOGICAL_NAME:
                    expect(value instanceof java.util.Date);
                    generator.writeNumber(Timestamp.fromLogical(schema, (java.util.Date) value));
                    return;
                default:
                    break;
            }
        }
        switch (schema.type()) {
            case INT8:
                expect(value instanceof Byte);
                generator.writeNumber((int) (Byte) value);
                return;
            case INT16:
                expect(value instanceof Short);
                generator.writeNumber((short) (Short) value);
                return;
            case INT32:
                expect(value instanceof Integer);
                generator.writeNumber((int) (Integer) value);
                return;
            case INT64:
                expect(value instanceof Long);
                generator.writeNumber((long) (Long) value);
                return;
            case FLOAT32:
                expect(value instanceof Float);
                generator.writeNumber((float) (Float) value);
                return;
            case FLOAT64:
                expect(value instanceof Double);
                generator.writeNumber((double) (Double) value);
                return;
            case BOOLEAN:
                expect(value instanceof Boolean);
                generator.writeBoolean((Boolean) value);
                return;
            case STRING:
                expect(value instanceof CharSequence);
                generator.writeString(value.toString());
                return;
            case BYTES:
                if (value instanceof byte[] bytes) {
                    generator.writeBinary(bytes);
                } else {
                    // Kafka writes a buffer's whole backing array, whatever its position and limit; without an
                    // accessible array it throws.
                    expect(value instanceof ByteBuffer buffer && buffer.hasArray());
                    generator.writeBinary(((ByteBuffer) value).array());
                }
                return;
            case ARRAY:
                expect(value instanceof Collection);
                Schema element = schema.valueSchema();
                generator.writeStartArray();
                for (Object item : (Collection<?>) value) {
                    payload(generator, element, item);
                }
                generator.writeEndArray();
                return;
            case MAP:
                expect(value instanceof Map);
                map(generator, schema, (Map<?, ?>) value);
                return;
            case STRUCT:
                expect(value instanceof Struct);
                struct(generator, schema, (Struct) value);
                return;
            default:
                throw FALL_BACK;
        }
    }

    /**
     * A map with string keys as a JSON object, others as an array of [key, value] pairs. Object names are the keys
     * themselves: only String keys of a plain string schema, the rest (null keys, which Kafka names "null" or by
     * their default, logical key schemas) is Kafka's to write.
     */
    private void map(JsonGenerator generator, Schema schema, Map<?, ?> map) throws IOException {
        Schema keySchema = schema.keySchema();
        Schema valueSchema = schema.valueSchema();
        if (keySchema.type() == Schema.Type.STRING) {
            String keyName = keySchema.name();
            expect(keyName == null || !LOGICAL_NAMES.contains(keyName));
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                expect(entry.getKey() instanceof String);
                generator.writeFieldName((String) entry.getKey());
                payload(generator, valueSchema, entry.getValue());
            }
            generator.writeEndObject();
        } else {
            generator.writeStartArray();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeStartArray();
                payload(generator, keySchema, entry.getKey());
                payload(generator, valueSchema, entry.getValue());
                generator.writeEndArray();
            }
            generator.writeEndArray();
        }
    }

    private void struct(JsonGenerator generator, Schema schema, Struct struct) throws IOException {
        // Kafka's "Mismatching schema." error, which its converter will throw.
        expect(struct.schema() == schema || struct.schema().equals(schema));
        generator.writeStartObject();
        for (Field field : schema.fields()) {
            generator.writeFieldName(field.name());
            payload(generator, field.schema(), struct.getWithoutDefault(field.name()));
        }
        generator.writeEndObject();
    }

    static long fallbackRecords() {
        return FELL_BACK.sum();
    }

    /**
     * The layout every JsonConverter writes, {@code {"schema":{...},"payload":...}}, read without tokenizing the
     * schema: its bytes are compared with the previous record's schema, which they usually are, or else delimited by
     * bracket matching and looked up; only the payload is parsed. Null for another layout (the payload first, a null
     * schema, escapes in the names, a number as payload) for {@link #read} to take.
     */
    private SchemaAndValue readCommonLayout(byte[] message) throws IOException {
        int at = token(message, 0, OPEN);
        at = token(message, at, SCHEMA_NAME);
        at = skipWhitespace(message, token(message, at, COLON));
        if (at < 0 || at >= message.length || message[at] != '{') {
            return null;
        }
        int from = at;
        CachedSchema schema = last;
        if (schema == null || !Arrays.equals(message, from, Math.min(message.length, from + schema.bytes.length),
                schema.bytes, 0, schema.bytes.length)) {
            // Bracket matching finds a JSON object's end exactly; whether the bytes are JSON at all is up to the
            // schema parser, on a cache miss (a hit is the bytes of a schema parsed before).
            schema = lookup(message, from, endOfObject(message, from));
            last = schema;
        }
        at = token(message, from + schema.bytes.length, COMMA);
        at = token(message, at, PAYLOAD_NAME);
        at = skipWhitespace(message, token(message, at, COLON));
        expect(at >= 0 && at < message.length);
        if (message[at] == '-' || message[at] >= '0' && message[at] <= '9') {
            // Jackson wants a space after a number at the root of a document, which this payload now is.
            return null;
        }
        try (JsonParser parser = FACTORY.createParser(message, at, message.length - at)) {
            parser.nextToken();
            Object payload = value(parser, schema.schema);
            int end = token(message, at + Math.toIntExact(parser.currentLocation().getByteOffset()), CLOSE);
            // Kafka's readTree ignores what follows the document unless it is malformed: only clean ends are ours.
            expect(end >= 0 && skipWhitespace(message, end) == message.length);
            return new SchemaAndValue(schema.schema, payload);
        }
    }

    /** The index after {@code token} and the JSON whitespace before it, or -1 if it is not there (or at is -1). */
    private static int token(byte[] message, int at, byte[] token) {
        at = skipWhitespace(message, at);
        if (at < 0 || message.length - at < token.length
                || !Arrays.equals(message, at, at + token.length, token, 0, token.length)) {
            return -1;
        }
        return at + token.length;
    }

    private static int skipWhitespace(byte[] message, int at) {
        if (at < 0) {
            return -1;
        }
        while (at < message.length
                && (message[at] == ' ' || message[at] == '\n' || message[at] == '\r' || message[at] == '\t')) {
            at++;
        }
        return at;
    }

    /** The index after the bracket closing the object that opens at {@code from}, strings skipped. */
    private static int endOfObject(byte[] message, int from) {
        int depth = 0;
        for (int i = from; i < message.length; i++) {
            byte b = message[i];
            if (b == '"') {
                for (i++; i < message.length && message[i] != '"'; i++) {
                    if (message[i] == '\\') {
                        i++;
                    }
                }
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                return i + 1;
            }
        }
        throw FALL_BACK;
    }

    private SchemaAndValue read(byte[] message) throws IOException {
        Schema schema = null;
        boolean hasSchema = false;
        boolean hasPayload = false;
        boolean payloadFirst = false;
        Object payload = null;
        try (JsonParser parser = FACTORY.createParser(message)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT);
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken valueToken = parser.nextToken();
                if ("schema".equals(name) && !hasSchema) {
                    hasSchema = true;
                    schema = schema(parser, message, valueToken);
                } else if ("payload".equals(name) && !hasPayload) {
                    hasPayload = true;
                    if (hasSchema) {
                        payload = value(parser, schema);
                    } else {
                        payloadFirst = true;
                        parser.skipChildren();
                    }
                } else {
                    // Kafka's converter rejects any other field; let it say so in its own words.
                    throw FALL_BACK;
                }
            }
            // Kafka's readTree ignores what follows the document unless it is malformed: only clean ends are ours.
            expect(parser.nextToken() == null);
        }
        expect(hasSchema && hasPayload);
        if (payloadFirst) {
            payload = payloadOnly(message, schema);
        }
        return new SchemaAndValue(schema, payload);
    }

    /** The payload of a message whose payload precedes its schema, read in a second pass. */
    private Object payloadOnly(byte[] message, Schema schema) throws IOException {
        try (JsonParser parser = FACTORY.createParser(message)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean payload = "payload".equals(parser.currentName());
                parser.nextToken();
                if (payload) {
                    return value(parser, schema);
                }
                parser.skipChildren();
            }
        }
        throw FALL_BACK;
    }

    private Schema schema(JsonParser parser, byte[] message, JsonToken token) throws IOException {
        // schema: null means a schemaless payload, whose types Kafka infers from the JSON: not ours.
        expect(token == JsonToken.START_OBJECT);
        int from = Math.toIntExact(parser.currentTokenLocation().getByteOffset());
        parser.skipChildren();
        int to = Math.toIntExact(parser.currentLocation().getByteOffset());
        // Offsets are bytes only for a UTF-8 document read from the array; anything else goes to Kafka.
        expect(from >= 0 && to > from && to <= message.length && message[from] == '{' && message[to - 1] == '}');
        return lookup(message, from, to).schema;
    }

    /** The schema whose JSON is {@code message[from, to)}, from the cache or else parsed as Kafka parses it. */
    private CachedSchema lookup(byte[] message, int from, int to) throws IOException {
        CachedSchema schema = schemas.get(message, from, to);
        if (schema == null) {
            JsonNode tree = SCHEMA_READER.readTree(message, from, to - from);
            schema = new CachedSchema(Arrays.copyOfRange(message, from, to), asConnectSchema(tree));
            expect(schema.schema != null);
            schemas.put(schema);
        }
        return schema;
    }

    /** The value at the parser's current token, as Kafka's converter would produce it for {@code schema}. */
    private Object value(JsonParser parser, Schema schema) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return absent(schema);
        }
        String name = schema.name();
        // Kafka's converter picks its logical conversions by schema name alone, before looking at the type.
        if (name != null) {
            switch (name) {
                case Decimal.LOGICAL_NAME:
                    return decimal(parser, schema, token);
                case Date.LOGICAL_NAME:
                    return Date.toLogical(schema, intToken(parser, token));
                case Time.LOGICAL_NAME:
                    return Time.toLogical(schema, intToken(parser, token));
                case Timestamp.LOGICAL_NAME:
                    return Timestamp.toLogical(schema, longToken(parser, token));
                default:
                    break;
            }
        }
        switch (schema.type()) {
            case BOOLEAN:
                expect(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE);
                return token == JsonToken.VALUE_TRUE;
            case INT8:
                return (byte) intToken(parser, token);
            case INT16:
                return (short) intToken(parser, token);
            case INT32:
                return intToken(parser, token);
            case INT64:
                return longToken(parser, token);
            case FLOAT32:
                return token == JsonToken.VALUE_NUMBER_FLOAT ? parser.getDecimalValue().floatValue()
                        : (float) longToken(parser, token);
            case FLOAT64:
                return token == JsonToken.VALUE_NUMBER_FLOAT ? parser.getDecimalValue().doubleValue()
                        : (double) longToken(parser, token);
            case STRING:
                expect(token == JsonToken.VALUE_STRING);
                return parser.getText();
            case BYTES:
                return base64(parser, token);
            case ARRAY:
                return array(parser, schema, token);
            case MAP:
                return schema.keySchema().type() == Schema.Type.STRING ? objectMap(parser, schema, token)
                        : pairMap(parser, schema, token);
            case STRUCT:
                return struct(parser, schema, token);
            default:
                throw FALL_BACK;
        }
    }

    /** A JSON null or a missing field: Kafka's default, or null, or (by falling back) Kafka's error. */
    private Object absent(Schema schema) {
        if (schema.defaultValue() != null && replaceNullWithDefault) {
            return schema.defaultValue();
        }
        expect(schema.isOptional());
        return null;
    }

    /**
     * An integer that Kafka's tree holds as an int node. Wider integers and fractions go to Kafka's converter, whose
     * narrowing of them is not worth copying.
     */
    private static int intToken(JsonParser parser, JsonToken token) throws IOException {
        expect(token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT);
        return parser.getIntValue();
    }

    private static long longToken(JsonParser parser, JsonToken token) throws IOException {
        expect(token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER);
        return parser.getLongValue();
    }

    /** Decimal.format NUMERIC writes a JSON number, BASE64 a string; Kafka reads either whatever it is set to. */
    private static BigDecimal decimal(JsonParser parser, Schema schema, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue();
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? new BigDecimal(parser.getBigIntegerValue()) : BigDecimal.valueOf(parser.getLongValue());
        }
        return Decimal.toLogical(schema, base64(parser, token));
    }

    private static byte[] base64(JsonParser parser, JsonToken token) throws IOException {
        expect(token == JsonToken.VALUE_STRING);
        String text = parser.getText();
        // Kafka trims the text first; with surrounding whitespace the decoders might not agree, so leave it to Kafka.
        expect(text.isEmpty() || text.charAt(0) > ' ' && text.charAt(text.length() - 1) > ' ');
        return Base64Variants.getDefaultVariant().decode(text);
    }

    private List<Object> array(JsonParser parser, Schema schema, JsonToken token) throws IOException {
        expect(token == JsonToken.START_ARRAY);
        Schema element = schema.valueSchema();
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(value(parser, element));
        }
        return list;
    }

    /** A map with string keys: a JSON object whose names are the keys as they are (no key conversion, as Kafka). */
    private Map<Object, Object> objectMap(JsonParser parser, Schema schema, JsonToken token) throws IOException {
        expect(token == JsonToken.START_OBJECT);
        Schema valueSchema = schema.valueSchema();
        Map<Object, Object> map = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            map.put(key, value(parser, valueSchema));
        }
        return map;
    }

    /** A map with other keys: a JSON array of [key, value] pairs. */
    private Map<Object, Object> pairMap(JsonParser parser, Schema schema, JsonToken token) throws IOException {
        expect(token == JsonToken.START_ARRAY);
        Schema keySchema = schema.keySchema();
        Schema valueSchema = schema.valueSchema();
        Map<Object, Object> map = new HashMap<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            expect(parser.currentToken() == JsonToken.START_ARRAY);
            expect(parser.nextToken() != JsonToken.END_ARRAY);
            Object key = value(parser, keySchema);
            expect(parser.nextToken() != JsonToken.END_ARRAY);
            Object value = value(parser, valueSchema);
            expect(parser.nextToken() == JsonToken.END_ARRAY);
            map.put(key, value);
        }
        return map;
    }

    private Struct struct(JsonParser parser, Schema schema, JsonToken token) throws IOException {
        expect(token == JsonToken.START_OBJECT);
        List<Field> fields = schema.fields();
        Object[] values = new Object[fields.size()];
        boolean[] present = new boolean[fields.size()];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Field field = schema.field(parser.currentName());
            parser.nextToken();
            if (field == null) {
                // Kafka reads only the schema's fields and ignores the others.
                parser.skipChildren();
                continue;
            }
            // Kafka's tree keeps the last of duplicate names; rare enough to leave to it.
            expect(!present[field.index()]);
            present[field.index()] = true;
            values[field.index()] = value(parser, field.schema());
        }
        Struct struct = new Struct(schema);
        for (Field field : fields) {
            int index = field.index();
            // Struct.put validates as it does for Kafka's converter; a failure falls back to Kafka's own error.
            struct.put(field, present[index] ? values[index] : absent(field.schema()));
        }
        return struct;
    }

    private static void expect(boolean condition) {
        if (!condition) {
            throw FALL_BACK;
        }
    }

    /** Leaves the fast path; carries no stack trace, as it is thrown for ordinary input. */
    private static final class FallBack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FallBack() {
            super("not for the fast path", null, false, false);
        }
    }

    /** A Connect schema and the JSON bytes it was read from. */
    private static final class CachedSchema {
        private final byte[] bytes;
        private final Schema schema;

        CachedSchema(byte[] bytes, Schema schema) {
            this.bytes = bytes;
            this.schema = schema;
        }
    }

    /**
     * Connect schemas by the exact bytes of their JSON, least recently used evicted: equal bytes are an equal
     * schema tree, so the result is what Kafka's tree-keyed cache would give, without building or hashing a tree.
     */
    private static final class SchemaCache {
        private final Map<Key, CachedSchema> map;

        SchemaCache(int size) {
            map = new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, CachedSchema> eldest) {
                    return size() > size;
                }
            };
        }

        synchronized CachedSchema get(byte[] bytes, int from, int to) {
            return map.get(new Key(bytes, from, to));
        }

        synchronized void put(CachedSchema schema) {
            map.put(new Key(schema.bytes, 0, schema.bytes.length), schema);
        }
    }

    /** A byte range compared by content; a lookup key views the message, a stored key owns a copy. */
    private static final class Key {
        private final byte[] bytes;
        private final int from;
        private final int to;
        private final int hash;

        Key(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            // Eight bytes a step: a schema is kilobytes, and this is hashed for every record whose schema differs
            // from the previous record's.
            long h = to - from;
            int i = from;
            for (; i + Long.BYTES <= to; i += Long.BYTES) {
                h = (h ^ (long) LONGS.get(bytes, i)) * 0x9E3779B97F4A7C15L;
            }
            for (; i < to; i++) {
                h = (h ^ bytes[i]) * 0x100000001B3L;
            }
            this.hash = (int) (h ^ (h >>> 32));
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && hash == key.hash
                    && Arrays.equals(bytes, from, to, key.bytes, key.from, key.to);
        }
    }

    /** A byte array output stream that is reused: reset keeps its array. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(4096);
        }

        int capacity() {
            return buf.length;
        }
    }

    /**
     * The envelope schema's JSON bytes by schema instance, least recently used evicted. Ferry's source reuses its
     * Schema instances, so identity finds them without Kafka's deep hashing of the schema for every record; an equal
     * schema in another instance is only a miss, serialized again from Kafka's own (equality-keyed) cache.
     */
    private static final class WriteSchemaCache {
        /** Marks a schema whose values Kafka's converter writes. */
        static final byte[] KAFKAS = new byte[0];

        private final int size;
        private final IdentityHashMap<Schema, Node> map = new IdentityHashMap<>();
        /** Most recently used first. */
        private Node head;
        private Node tail;
        /** The last schema looked up: consecutive records usually share theirs. */
        private volatile Node last;

        WriteSchemaCache(int size) {
            this.size = Math.max(1, size);
        }

        byte[] get(Schema schema) {
            Node node = last;
            if (node != null && node.schema == schema) {
                return node.json;
            }
            synchronized (this) {
                node = map.get(schema);
                if (node == null) {
                    return null;
                }
                unlink(node);
                linkFirst(node);
            }
            last = node;
            return node.json;
        }

        synchronized void put(Schema schema, byte[] json) {
            Node node = map.get(schema);
            if (node != null) {
                unlink(node);
            }
            node = new Node(schema, json);
            map.put(schema, node);
            linkFirst(node);
            while (map.size() > size) {
                Node eldest = tail;
                unlink(eldest);
                map.remove(eldest.schema);
            }
            last = node;
        }

        private void linkFirst(Node node) {
            node.previous = null;
            node.next = head;
            if (head != null) {
                head.previous = node;
            }
            head = node;
            if (tail == null) {
                tail = node;
            }
        }

        private void unlink(Node node) {
            if (node.previous != null) {
                node.previous.next = node.next;
            } else {
                head = node.next;
            }
            if (node.next != null) {
                node.next.previous = node.previous;
            } else {
                tail = node.previous;
            }
            node.previous = null;
            node.next = null;
        }

        private static final class Node {
            private final Schema schema;
            private final byte[] json;
            private Node previous;
            private Node next;

            Node(Schema schema, byte[] json) {
                this.schema = schema;
                this.json = json;
            }
        }
    }
}
