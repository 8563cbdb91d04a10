package io.ferry.sink.value;

/**
 * Logical schema names the sink understands besides Connect's own ({@code Decimal}, {@code Date}, {@code Time},
 * {@code Timestamp}): the semantic types of Debezium's MySQL/MariaDB connector, which Ferry's source emits too.
 * The sink does not depend on Debezium; these names are the contract.
 */
final class LogicalNames {

    static final String DATE = "io.debezium.time.Date";
    static final String TIMESTAMP = "io.debezium.time.Timestamp";
    static final String MICRO_TIMESTAMP = "io.debezium.time.MicroTimestamp";
    static final String NANO_TIMESTAMP = "io.debezium.time.NanoTimestamp";
    static final String ZONED_TIMESTAMP = "io.debezium.time.ZonedTimestamp";
    static final String TIME = "io.debezium.time.Time";
    static final String MICRO_TIME = "io.debezium.time.MicroTime";
    static final String NANO_TIME = "io.debezium.time.NanoTime";
    static final String ZONED_TIME = "io.debezium.time.ZonedTime";
    static final String YEAR = "io.debezium.time.Year";
    static final String BITS = "io.debezium.data.Bits";
    static final String VARIABLE_SCALE_DECIMAL = "io.debezium.data.VariableScaleDecimal";
    static final String GEOMETRY = "io.debezium.data.geometry.Geometry";
    static final String POINT = "io.debezium.data.geometry.Point";

    /** Parameter of {@link #BITS} schemas: the column's bit count. */
    static final String BITS_LENGTH = "length";

    private LogicalNames() {
    }
}
