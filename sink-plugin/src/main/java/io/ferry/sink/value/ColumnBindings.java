package io.ferry.sink.value;

import java.math.BigDecimal;
import java.util.function.Function;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Chooses how a field is written to its destination column, from the field's Connect schema alone: first by
 * logical name (Debezium's semantic types and Connect's own, see {@code docs/type-mapping.md}), then, for an
 * unknown name, by the Connect type. Every binding sends a value the server parses exactly: temporal values as
 * text (see {@link TemporalText}), numbers unrounded, strings and bytes unchanged.
 */
public final class ColumnBindings {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final int MIN_YEAR = 1901;
    private static final int MAX_YEAR = 2155;

    private ColumnBindings() {
    }

    /**
     * The binding of a field of schema {@code fieldSchema}; depends only on the schema, so it can be cached per
     * schema. Fails with a {@link DataException} for a schema no MySQL column can take (an unknown struct, an
     * array or a map).
     */
    public static ColumnBinding forSchema(Schema fieldSchema) {
        ColumnBinding logical = fieldSchema.name() == null ? null : forLogicalType(fieldSchema);
        return logical != null ? logical : forType(fieldSchema);
    }

    /** The binding of a known logical name carried by the type it is defined on, otherwise null. */
    private static ColumnBinding forLogicalType(Schema s) {
        return switch (s.name()) {
            case Decimal.LOGICAL_NAME -> when(s, Schema.Type.BYTES, ParameterType.DECIMAL, v -> (BigDecimal) v);
            case LogicalNames.VARIABLE_SCALE_DECIMAL -> when(s, Schema.Type.STRUCT, ParameterType.DECIMAL,
                    v -> StructValues.variableScaleDecimal((Struct) v));
            case LogicalNames.DATE -> when(s, Schema.Type.INT32, ParameterType.STRING,
                    v -> TemporalText.date(((Number) v).longValue()));
            case Date.LOGICAL_NAME -> when(s, Schema.Type.INT32, ParameterType.STRING,
                    ColumnBindings::connectDate);
            case LogicalNames.TIMESTAMP -> when(s, Schema.Type.INT64, ParameterType.STRING,
                    v -> TemporalText.dateTime(Math.multiplyExact(((Number) v).longValue(), 1000L)));
            case Timestamp.LOGICAL_NAME -> when(s, Schema.Type.INT64, ParameterType.STRING,
                    v -> TemporalText.dateTime(Math.multiplyExact(epochMillis(v), 1000L)));
            case LogicalNames.MICRO_TIMESTAMP -> when(s, Schema.Type.INT64, ParameterType.STRING,
                    v -> TemporalText.dateTime(((Number) v).longValue()));
            case LogicalNames.NANO_TIMESTAMP -> when(s, Schema.Type.INT64, ParameterType.STRING,
                    v -> TemporalText.dateTime(TemporalText.microsOfNanos(((Number) v).longValue())));
            case LogicalNames.ZONED_TIMESTAMP -> when(s, Schema.Type.STRING, ParameterType.STRING,
                    v -> TemporalText.timestamp((String) v));
            case LogicalNames.TIME -> when(s, Schema.Type.INT32, ParameterType.STRING,
                    v -> TemporalText.time(Math.multiplyExact(((Number) v).longValue(), 1000L)));
            case Time.LOGICAL_NAME -> when(s, Schema.Type.INT32, ParameterType.STRING,
                    v -> TemporalText.time(TemporalText.microsOfDayMillis(epochMillis(v))));
            case LogicalNames.MICRO_TIME -> when(s, Schema.Type.INT64, ParameterType.STRING,
                    v -> TemporalText.time(((Number) v).longValue()));
            case LogicalNames.NANO_TIME -> when(s, Schema.Type.INT64, ParameterType.STRING,
                    v -> TemporalText.time(TemporalText.microsOfNanos(((Number) v).longValue())));
            case LogicalNames.ZONED_TIME -> when(s, Schema.Type.STRING, ParameterType.STRING,
                    v -> TemporalText.zonedTime((String) v));
            case LogicalNames.YEAR -> when(s, Schema.Type.INT32, ParameterType.LONG, ColumnBindings::year);
            case LogicalNames.BITS -> when(s, Schema.Type.BYTES, ParameterType.DECIMAL,
                    v -> LittleEndianBits.toNumber(ConnectBytes.toArray(v), bitsLength(s)));
            case LogicalNames.GEOMETRY, LogicalNames.POINT -> when(s, Schema.Type.STRUCT, ParameterType.BYTES,
                    v -> StructValues.geometryInternalFormat((Struct) v));
            default -> null;
        };
    }

    /** By Connect type: plain numbers, BIT(1) and other booleans, text (also JSON, ENUM, SET), bytes. */
    private static ColumnBinding forType(Schema s) {
        return switch (s.type()) {
            case INT8, INT16, INT32, INT64 -> new ParameterBinding(s, ParameterType.LONG,
                    v -> ((Number) v).longValue());
            case FLOAT32 -> new ParameterBinding(s, ParameterType.DOUBLE, ColumnBindings::float32);
            case FLOAT64 -> new ParameterBinding(s, ParameterType.DOUBLE, v -> finite(((Number) v).doubleValue()));
            case BOOLEAN -> new ParameterBinding(s, ParameterType.LONG, v -> (Boolean) v ? 1L : 0L);
            case STRING -> new ParameterBinding(s, ParameterType.STRING, v -> (String) v);
            case BYTES -> new ParameterBinding(s, ParameterType.BYTES, ConnectBytes::toArray);
            default -> throw new DataException("No MySQL column can take a field of schema "
                    + ParameterBinding.describe(s) + ": Ferry's sink writes primitive fields and Debezium's"
                    + " geometry and VariableScaleDecimal structs only");
        };
    }

    private static ColumnBinding when(Schema s, Schema.Type type, ParameterType parameter,
                                      Function<Object, ?> conversion) {
        return s.type() == type ? new ParameterBinding(s, parameter, conversion) : null;
    }

    /** YEAR holds 1901-2155 and 0000; a small number like 99 would be read as a two-digit year (1999). */
    private static Long year(Object value) {
        int year = ((Number) value).intValue();
        if (year != 0 && (year < MIN_YEAR || year > MAX_YEAR)) {
            throw new IllegalArgumentException("a YEAR holds 0 and 1901 to 2155");
        }
        return (long) year;
    }

    /**
     * A float widened to double: Connector/J sends the double's text, which parses back to exactly this value,
     * and the server narrows it to the same float. The float's own text would be parsed as a double and rounded
     * a second time.
     */
    private static Double float32(Object value) {
        double widened = value instanceof Float f ? f : ((Number) value).doubleValue();
        if ((float) widened != widened && !Double.isNaN(widened)) {
            throw new IllegalArgumentException("a FLOAT32 field holds a value that is not a float");
        }
        return finite(widened);
    }

    private static double finite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("MySQL stores no NaN or infinity");
        }
        return value;
    }

    /** Connect's Date: a {@code java.util.Date} at midnight UTC, or its wire form, days since the epoch. */
    private static String connectDate(Object value) {
        long epochDay = value instanceof java.util.Date date
                ? Math.floorDiv(date.getTime(), MILLIS_PER_DAY) : ((Number) value).longValue();
        return TemporalText.date(epochDay);
    }

    /** Connect's Time/Timestamp values are {@code java.util.Date}; a plain number is taken as is. */
    private static long epochMillis(Object value) {
        return value instanceof java.util.Date date ? date.getTime() : ((Number) value).longValue();
    }

    private static int bitsLength(Schema s) {
        String length = s.parameters() == null ? null : s.parameters().get(LogicalNames.BITS_LENGTH);
        return length == null ? 0 : Integer.parseInt(length);
    }
}
