package io.ferry.source.schema.convert;

import io.ferry.common.TableId;
import java.util.Date;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.errors.DataException;

/**
 * TIME(fsp) as Connect's {@code Time} (time.precision.mode=connect): milliseconds since midnight as a
 * {@code java.util.Date} on 1970-01-01 UTC, which Avro converters write as {@code time-millis}; microseconds are
 * truncated. Connect's Time is a time of day, MySQL's TIME a duration from -838:59:59 to 838:59:59: a value
 * outside 00:00:00 to 23:59:59.999999 fails the task rather than being wrapped or clamped into another value.
 */
final class ConnectTimeConverter extends TimeTextConverter {

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final TableId table;
    private final String column;

    ConnectTimeConverter(TableId table, String column, boolean optional) {
        super(Time.builder(), optional);
        this.table = table;
        this.column = column;
    }

    @Override
    Object convert(long micros) {
        if (micros < 0 || micros >= MICROS_PER_DAY) {
            throw new DataException((table == null ? "" : "Table " + table + ", ") + "column " + column
                    + ": TIME value " + text(micros) + " is outside 00:00:00 to 23:59:59.999999,"
                    + " which time.precision.mode=connect cannot represent (Connect's Time is a time of day). Set"
                    + " time.precision.mode=adaptive_time_microseconds, which captures any TIME as signed"
                    + " microseconds (io.debezium.time.MicroTime), or change the value in the source.");
        }
        return new Date(micros / 1000);
    }

    @Override
    public Object toJdbc(Object connectValue) {
        return text(((Date) connectValue).getTime() * 1000);
    }
}
