package io.ferry.source.schema.convert;

import java.io.Serializable;
import java.time.Duration;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * A TIME converter: the snapshot's server text, a DEFAULT and the binlog's decoded value all become signed
 * microseconds first, so each mode's mapping is written once, in {@link #convert}.
 */
abstract class TimeTextConverter extends ServerTextConverter {

    TimeTextConverter(SchemaBuilder builder, boolean optional) {
        super(builder, optional);
    }

    @Override
    final Object fromServerText(String text) {
        return convert(parseMicros(text));
    }

    /** The time part of a date-and-time literal, as Debezium reads it (CURRENT_TIMESTAMP gives 0). */
    @Override
    final Object literalDefault(String literal) {
        int space = literal.indexOf(' ');
        return fromServerText(space < 0 ? literal : literal.substring(space + 1));
    }

    @Override
    final Object convertBinlog(Serializable raw) {
        return convert(micros((Duration) raw));
    }

    /** The Connect value of a TIME of {@code micros} signed microseconds. */
    abstract Object convert(long micros);

    /** Signed microseconds of a binlog TIME cell. */
    static long micros(Duration duration) {
        return duration.getSeconds() * 1_000_000L + duration.getNano() / 1000;
    }

    /** Microseconds of MySQL's text form {@code [-]h:mm:ss[.f...]} (hours may have up to 3 digits). */
    static long parseMicros(String text) {
        boolean negative = text.startsWith("-");
        String[] parts = (negative ? text.substring(1) : text).split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a MySQL time: '" + text + "'");
        }
        String[] seconds = parts[2].split("\\.");
        long micros = ((Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1])) * 60
                + Long.parseLong(seconds[0])) * 1_000_000L;
        if (seconds.length > 1) {
            micros += (Long.parseLong((seconds[1] + "000000").substring(0, 6)));
        }
        return negative ? -micros : micros;
    }

    /** MySQL's text form of a TIME of {@code micros}, e.g. {@code -1:02:03.450000}. */
    static String text(long micros) {
        long abs = Math.abs(micros);
        long seconds = abs / 1_000_000L;
        return String.format("%s%d:%02d:%02d.%06d", micros < 0 ? "-" : "", seconds / 3600, seconds / 60 % 60,
                seconds % 60, abs % 1_000_000L);
    }
}
