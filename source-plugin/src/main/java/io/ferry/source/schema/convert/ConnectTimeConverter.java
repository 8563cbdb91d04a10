package io.ferry.source.schema.convert;

import io.ferry.common.TableId;
import java.io.Serializable;
import java.time.Duration;
import java.util.Date;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.errors.DataException;

/**
 * TIME(fsp) as Connect's {@code Time} (time.precision.mode=connect): milliseconds since midnight as a
 * {@code java.util.Date} on 1970-01-01 UTC, which Avro converters write as {@code time-millis}; microseconds are
 * truncated. Connect's Time is a time of day, MySQL's TIME a duration from -838:59:59 to 838:59:59: a value
 * outside 00:00:00 to 23:59:59.999999 fails the task rather than being wrapped or clamped into another value.
 */
final class ConnectTimeConverter extends ServerTextConverter {

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final TableId table;
    private final String column;

    ConnectTimeConverter(TableId table, String column, boolean optional) {
        super(Time.builder(), optional);
        this.table = table;
        this.column = column;
    }

    @Override
    Object fromServerText(String text) {
        return timeOfDay(TimeConverter.parseMicros(text));
    }

    /** The time part of a date-and-time literal, as {@link TimeConverter} reads it (CURRENT_TIMESTAMP gives 0). */
    @Override
    Object literalDefault(String literal) {
        int space = literal.indexOf(' ');
        return fromServerText(space < 0 ? literal : literal.substring(space + 1));
    }

    @Override
    Object convertBinlog(Serializable raw) {
        return timeOfDay(TimeConverter.micros((Duration) raw));
    }

    private Date timeOfDay(long micros) {
        if (micros < 0 || micros >= MICROS_PER_DAY) {
            throw new DataException((table == null ? "" : "Table " + table + ", ") + "column " + column
                    + ": TIME value " + TimeConverter.text(micros) + " is outside 00:00:00 to 23:59:59.999999,"
                    + " which time.precision.mode=connect cannot represent (Connect's Time is a time of day). Set"
                    + " time.precision.mode=adaptive_time_microseconds, which captures any TIME as signed"
                    + " microseconds (io.debezium.time.MicroTime), or change the value in the source.");
        }
        return new Date(micros / 1000);
    }

    @Override
    public Object toJdbc(Object connectValue) {
        return TimeConverter.text(((Date) connectValue).getTime() * 1000);
    }
}
