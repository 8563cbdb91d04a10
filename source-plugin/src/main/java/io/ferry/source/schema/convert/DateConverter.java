package io.ferry.source.schema.convert;

import io.ferry.source.schema.MySqlDateTime;
import java.time.LocalDate;

/**
 * DATE as Debezium's {@code Date}: days since 1970-01-01 on the proleptic Gregorian calendar. A zero date
 * becomes null, or day 0 when the column is NOT NULL (Debezium's rule: a required field needs a value).
 */
final class DateConverter extends CalendarTextConverter {

    DateConverter(boolean optional) {
        super(DebeziumSchemas.date(), optional);
    }

    @Override
    Object convert(MySqlDateTime value) {
        if (value.isZeroDate()) {
            return optional() ? null : zeroInNotNull(0);
        }
        return (int) value.toLocalDateTime().toLocalDate().toEpochDay();
    }

    @Override
    public Object toJdbc(Object connectValue) {
        // As text: binding a java.sql.Date would shift it through the JVM's time zone.
        return LocalDate.ofEpochDay(((Number) connectValue).longValue()).toString();
    }
}
