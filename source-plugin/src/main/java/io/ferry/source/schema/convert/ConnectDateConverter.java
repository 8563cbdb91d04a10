package io.ferry.source.schema.convert;

import io.ferry.source.schema.MySqlDateTime;
import java.time.LocalDate;
import java.util.Date;

/**
 * DATE as Connect's {@code Date} (time.precision.mode=connect): a {@code java.util.Date} at midnight UTC of the
 * day, on the proleptic Gregorian calendar, which Avro converters write as the logical type {@code date}. Zero
 * dates are handled as in {@link DateConverter}: null, or the column's default (else the epoch) when NOT NULL.
 */
final class ConnectDateConverter extends CalendarTextConverter {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    ConnectDateConverter(boolean optional) {
        super(org.apache.kafka.connect.data.Date.builder(), optional);
    }

    @Override
    Object convert(MySqlDateTime value) {
        if (value.isZeroDate()) {
            return optional() ? null : zeroInNotNull(new Date(0));
        }
        return new Date(value.toLocalDateTime().toLocalDate().toEpochDay() * MILLIS_PER_DAY);
    }

    @Override
    public Object toJdbc(Object connectValue) {
        // As text: binding a java.sql.Date would shift it through the JVM's time zone.
        return LocalDate.ofEpochDay(Math.floorDiv(((Date) connectValue).getTime(), MILLIS_PER_DAY)).toString();
    }
}
