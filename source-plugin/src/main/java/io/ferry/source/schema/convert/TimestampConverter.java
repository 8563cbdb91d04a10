package io.ferry.source.schema.convert;

import io.ferry.source.schema.MySqlDateTime;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * TIMESTAMP(fsp) as Debezium's {@code ZonedTimestamp}: ISO-8601 in UTC with exactly fsp fraction digits,
 * e.g. {@code 2018-06-20T13:37:03.120Z} for fsp 3 (none for fsp 0). The binlog holds seconds since the epoch;
 * JDBC returns text in the session time zone, which must be UTC. The zero timestamp (stored as second 0)
 * becomes null, or the epoch when the column is NOT NULL.
 */
final class TimestampConverter extends ServerTextConverter {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final int fsp;

    TimestampConverter(int fsp, boolean optional) {
        super(DebeziumSchemas.zonedTimestamp(), optional);
        this.fsp = fsp;
    }

    @Override
    Object fromServerText(String text) {
        MySqlDateTime value = MySqlDateTime.parse(text);
        return value.isZeroDate() ? zero() : format(value.toLocalDateTime());
    }

    /**
     * The epoch, an invalid TIMESTAMP, stands for CURRENT_TIMESTAMP (see the superclass) and is handled as a
     * zero date, as Debezium does: no default in a nullable column. A literal is read as UTC, the session time
     * zone in which information_schema prints it.
     */
    @Override
    Object literalDefault(String literal) {
        return literal.equals(EPOCH) ? zero() : fromServerText(literal);
    }

    @Override
    Object convertBinlog(Serializable raw) {
        Instant instant = (Instant) raw;
        return instant.equals(Instant.EPOCH) ? zero() : format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private Object zero() {
        return optional() ? null : zeroInNotNull(format(LocalDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC)));
    }

    private String format(LocalDateTime utc) {
        String seconds = SECONDS.format(utc);
        return fsp == 0 ? seconds + "Z" : seconds + "." + Temporals.fraction(utc.getNano() / 1000, fsp) + "Z";
    }

    @Override
    public Object toJdbc(Object connectValue) {
        Instant instant = Instant.parse((String) connectValue);
        return Temporals.sqlText(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
