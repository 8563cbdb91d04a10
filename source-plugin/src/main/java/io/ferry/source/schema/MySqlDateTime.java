package io.ferry.source.schema;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * A DATE or DATETIME value exactly as MySQL stores it. java.time cannot hold MySQL's zero date
 * ({@code 0000-00-00}) or dates with a zero month or day, which non-strict SQL modes allow, so both read
 * paths decode into this record first and decide about zero dates in one place.
 */
public record MySqlDateTime(int year, int month, int day, int hour, int minute, int second, int micros)
        implements Serializable {

    /** True for {@code 0000-00-00} and for any date with a zero month or day, which has no calendar meaning. */
    public boolean isZeroDate() {
        return month == 0 || day == 0;
    }

    /** This value on the proleptic Gregorian calendar; only for values that are not {@link #isZeroDate()}. */
    public LocalDateTime toLocalDateTime() {
        return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
    }

    /** Parses MySQL's text form {@code YYYY-MM-DD[ hh:mm:ss[.f...]]} as JDBC's text protocol returns it. */
    public static MySqlDateTime parse(String text) {
        try {
            int year = Integer.parseInt(text.substring(0, 4));
            int month = Integer.parseInt(text.substring(5, 7));
            int day = Integer.parseInt(text.substring(8, 10));
            if (text.length() <= 10) {
                return new MySqlDateTime(year, month, day, 0, 0, 0, 0);
            }
            int hour = Integer.parseInt(text.substring(11, 13));
            int minute = Integer.parseInt(text.substring(14, 16));
            int second = Integer.parseInt(text.substring(17, 19));
            int micros = text.length() > 20 ? parseFraction(text.substring(20)) : 0;
            return new MySqlDateTime(year, month, day, hour, minute, second, micros);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a MySQL date or datetime: '" + text + "'", e);
        }
    }

    /** Microseconds of a fraction written with 1 to 9 digits ("5" is 500000, "000001" is 1). */
    static int parseFraction(String digits) {
        String six = (digits + "000000").substring(0, 6);
        return Integer.parseInt(six);
    }
}
