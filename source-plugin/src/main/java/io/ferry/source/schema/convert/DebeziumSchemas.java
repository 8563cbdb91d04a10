package io.ferry.source.schema.convert;

import java.util.List;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * Schema builders for the semantic types Debezium's MySQL connector emits, with the same logical names,
 * versions and parameters, so that Debezium-aware consumers and converters treat Ferry's fields alike.
 * Ferry does not depend on Debezium: the names below are the contract.
 */
public final class DebeziumSchemas {

    public static final String DATE = "io.debezium.time.Date";
    public static final String TIMESTAMP = "io.debezium.time.Timestamp";
    public static final String MICRO_TIMESTAMP = "io.debezium.time.MicroTimestamp";
    public static final String ZONED_TIMESTAMP = "io.debezium.time.ZonedTimestamp";
    public static final String MICRO_TIME = "io.debezium.time.MicroTime";
    public static final String YEAR = "io.debezium.time.Year";
    public static final String BITS = "io.debezium.data.Bits";
    public static final String ENUM = "io.debezium.data.Enum";
    public static final String ENUM_SET = "io.debezium.data.EnumSet";
    public static final String JSON = "io.debezium.data.Json";
    public static final String GEOMETRY = "io.debezium.data.geometry.Geometry";

    /** Parameter of {@code Decimal} schemas holding the column's precision, as Debezium sets it. */
    public static final String DECIMAL_PRECISION = "connect.decimal.precision";
    public static final String BITS_LENGTH = "length";
    public static final String ALLOWED = "allowed";
    public static final String WKB = "wkb";
    public static final String SRID = "srid";

    private DebeziumSchemas() {
    }

    static SchemaBuilder date() {
        return SchemaBuilder.int32().name(DATE).version(1);
    }

    static SchemaBuilder timestamp(boolean micros) {
        return SchemaBuilder.int64().name(micros ? MICRO_TIMESTAMP : TIMESTAMP).version(1);
    }

    static SchemaBuilder zonedTimestamp() {
        return SchemaBuilder.string().name(ZONED_TIMESTAMP).version(1);
    }

    static SchemaBuilder microTime() {
        return SchemaBuilder.int64().name(MICRO_TIME).version(1);
    }

    static SchemaBuilder year() {
        return SchemaBuilder.int32().name(YEAR).version(1);
    }

    static SchemaBuilder bits(long length) {
        return SchemaBuilder.bytes().name(BITS).version(1).parameter(BITS_LENGTH, String.valueOf(length));
    }

    static SchemaBuilder enumeration(List<String> allowed) {
        return SchemaBuilder.string().name(ENUM).version(1).parameter(ALLOWED, String.join(",", allowed));
    }

    static SchemaBuilder enumSet(List<String> allowed) {
        return SchemaBuilder.string().name(ENUM_SET).version(1).parameter(ALLOWED, String.join(",", allowed));
    }

    static SchemaBuilder json() {
        return SchemaBuilder.string().name(JSON).version(1);
    }

    static SchemaBuilder decimal(int precision, int scale) {
        return Decimal.builder(scale).parameter(DECIMAL_PRECISION, String.valueOf(precision));
    }

    static SchemaBuilder geometry() {
        return SchemaBuilder.struct().name(GEOMETRY).version(1).doc("Geometry")
                .field(WKB, Schema.BYTES_SCHEMA)
                .field(SRID, Schema.OPTIONAL_INT32_SCHEMA);
    }
}
