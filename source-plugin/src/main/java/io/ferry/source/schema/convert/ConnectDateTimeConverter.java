package io.ferry.source.schema.convert;

import io.ferry.source.schema.MySqlDateTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.apache.kafka.connect.data.Timestamp;

/**
 * DATETIME(fsp) as Connect's {@code Timestamp} (time.precision.mode=connect): epoch milliseconds of the
 * wall-clock value read as UTC, which Avro converters write as {@code timestamp-millis}. Connect's type has no
 * finer unit, so the microseconds of DATETIME(4..6) are truncated (floored, as Debezium's connect mode loses
 * them too). Zero dates are handled as in {@link DateTimeConverter}.
 */
final class ConnectDateTimeConverter extends CalendarTextConverter {

    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    ConnectDateTimeConverter(boolean optional) {
        super(Timestamp.builder(), optional);
    }

    @Override
    Object convert(MySqlDateTime value) {
        if (value.isZeroDate()) {
            return optional() ? null : zeroInNotNull(new Date(0));
        }
        // Floored, not rounded: a key bound at a whole millisecond then orders like the stored value.
        return new Date(Math.floorDiv(ChronoUnit.MICROS.between(EPOCH, value.toLocalDateTime()), 1000));
    }

    @Override
    public Object toJdbc(Object connectValue) {
        long millis = ((Date) connectValue).getTime();
        return Temporals.sqlText(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
                (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC));
    }
}
