package io.ferry.source.schema.convert;

import io.ferry.source.schema.MySqlDateTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * DATETIME(fsp) as Debezium's {@code Timestamp} (epoch milliseconds, fsp 0-3) or {@code MicroTimestamp}
 * (epoch microseconds, fsp 4-6): the wall-clock value read as if it were UTC, since DATETIME has no zone.
 * A zero date becomes null, or 0 when the column is NOT NULL.
 */
final class DateTimeConverter extends CalendarTextConverter {

    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private final boolean micros;

    DateTimeConverter(int fsp, boolean optional) {
        super(DebeziumSchemas.timestamp(fsp > 3), optional);
        this.micros = fsp > 3;
    }

    @Override
    Object convert(MySqlDateTime value) {
        if (value.isZeroDate()) {
            return optional() ? null : zeroInNotNull(0L);
        }
        long epochMicros = ChronoUnit.MICROS.between(EPOCH, value.toLocalDateTime());
        return micros ? epochMicros : Math.floorDiv(epochMicros, 1000);
    }

    @Override
    public Object toJdbc(Object connectValue) {
        long value = ((Number) connectValue).longValue();
        long epochMicros = micros ? value : value * 1000;
        LocalDateTime dateTime = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                (int) Math.floorMod(epochMicros, 1_000_000L) * 1000, ZoneOffset.UTC);
        return Temporals.sqlText(dateTime);
    }
}
