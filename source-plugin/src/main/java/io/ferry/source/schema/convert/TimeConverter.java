package io.ferry.source.schema.convert;

/**
 * TIME as Debezium's {@code MicroTime} (adaptive_time_microseconds): signed microseconds, so that TIME's
 * whole range of durations, -838:59:59 to 838:59:59, survives; it is not a time of day.
 */
final class TimeConverter extends TimeTextConverter {

    TimeConverter(boolean optional) {
        super(DebeziumSchemas.microTime(), optional);
    }

    @Override
    Object convert(long micros) {
        return micros;
    }

    @Override
    public Object toJdbc(Object connectValue) {
        return text(((Number) connectValue).longValue());
    }
}
