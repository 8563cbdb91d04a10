package io.ferry.sink.value;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Temporal Connect values as the text MySQL parses into DATE, DATETIME, TIMESTAMP and TIME columns. Text,
 * not {@code java.sql.Date}/{@code Timestamp}: Connector/J converts those through a Julian/Gregorian calendar
 * (shifting dates before 1582) and through time zones. The session must run with {@code time_zone='+00:00'},
 * since TIMESTAMP text is UTC. Values a column cannot hold exactly (year above 9999, a TIME beyond 838:59:59,
 * sub-microsecond fractions) fail with {@link IllegalArgumentException} rather than being rounded by the server.
 */
final class TemporalText {

    /** MySQL's zero TIMESTAMP, which Ferry and Debezium emit as the epoch (a TIMESTAMP cannot hold the epoch). */
    static final String ZERO_TIMESTAMP = "0000-00-00 00:00:00";

    static final long MICROS_PER_SECOND = 1_000_000L;
    /**
     * 838:59:59.999999, the largest TIME magnitude MariaDB stores (MySQL stops at 838:59:59 and rejects the
     * fraction itself, naming the column, which is the better error).
     */
    static final long MAX_TIME_MICROS = (838L * 3600 + 59 * 60 + 59) * MICROS_PER_SECOND + 999_999;

    private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final int MAX_YEAR = 9999;
    /** Length of {@code uuuu-MM-dd}; {@code uuuu-MM-dd HH:mm:ss.SSSSSS} is {@link #DATE_TIME_LENGTH} long. */
    private static final int DATE_LENGTH = 10;
    private static final int DATE_TIME_LENGTH = 26;

    private TemporalText() {
    }

    /** DATE from days since 1970-01-01 (proleptic Gregorian), e.g. -719162 gives {@code 0001-01-01}. */
    static String date(long epochDay) {
        char[] text = new char[DATE_LENGTH];
        writeDate(text, epochDay);
        return new String(text);
    }

    /**
     * DATETIME from microseconds since 1970-01-01 00:00 of the wall clock read as UTC. Written digit by digit: it
     * runs once per temporal value the sink writes, and a {@code DateTimeFormatter} cost several times as much.
     */
    static String dateTime(long epochMicros) {
        long epochSecond = Math.floorDiv(epochMicros, MICROS_PER_SECOND);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        char[] text = new char[DATE_TIME_LENGTH];
        writeDate(text, Math.floorDiv(epochSecond, SECONDS_PER_DAY));
        text[10] = ' ';
        writeDigits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        writeDigits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        writeDigits(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        writeDigits(text, 20, (int) Math.floorMod(epochMicros, MICROS_PER_SECOND), 6);
        return new String(text);
    }

    /**
     * TIMESTAMP from ISO-8601 text with an offset ({@code ZonedTimestamp}, 0 to 9 fraction digits), in UTC. The
     * epoch is MySQL's zero timestamp: TIMESTAMP starts at 1970-01-01 00:00:01 UTC, so no stored value is the epoch.
     */
    static String timestamp(String iso) {
        Instant instant = OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        if (instant.equals(Instant.EPOCH)) {
            return ZERO_TIMESTAMP;
        }
        long micros = Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND)
                + microsOfNanos(instant.getNano());
        return dateTime(micros);
    }

    /** TIME from signed microseconds, {@code [-]h:mm:ss.ffffff} with up to 838 hours. */
    static String time(long micros) {
        if (micros > MAX_TIME_MICROS || micros < -MAX_TIME_MICROS) {
            throw new IllegalArgumentException("a TIME holds -838:59:59.999999 to 838:59:59.999999");
        }
        long abs = Math.abs(micros);
        long seconds = abs / MICROS_PER_SECOND;
        StringBuilder text = new StringBuilder(17);
        if (micros < 0) {
            text.append('-');
        }
        text.append(seconds / 3600).append(':');
        char[] rest = new char[12]; // mm:ss.ffffff
        writeDigits(rest, 0, (int) (seconds / 60 % 60), 2);
        rest[2] = ':';
        writeDigits(rest, 3, (int) (seconds % 60), 2);
        rest[5] = '.';
        writeDigits(rest, 6, (int) (abs % MICROS_PER_SECOND), 6);
        return text.append(rest).toString();
    }

    /** TIME from ISO-8601 time-of-day text with an offset ({@code ZonedTime}), as the UTC time of day. */
    static String zonedTime(String iso) {
        OffsetTime utc = OffsetTime.parse(iso, DateTimeFormatter.ISO_OFFSET_TIME)
                .withOffsetSameInstant(ZoneOffset.UTC);
        return time(microsOfNanos(utc.toLocalTime().toNanoOfDay()));
    }

    /** Microseconds of a nanosecond count, failing when it has a sub-microsecond part no column can hold. */
    static long microsOfNanos(long nanos) {
        if (nanos % 1000 != 0) {
            throw new IllegalArgumentException("MySQL keeps at most 6 fraction digits; " + nanos
                    + " ns has a sub-microsecond part");
        }
        return nanos / 1000;
    }

    /** Microseconds of a time of day in milliseconds, as Connect's {@code Time} holds it. */
    static long microsOfDayMillis(long millis) {
        long micros = Math.multiplyExact(millis, 1000L);
        if (micros < 0 || micros >= MICROS_PER_DAY) {
            throw new IllegalArgumentException("a Connect Time is a time of day, 0 to 86399999 ms");
        }
        return micros;
    }

    /** {@code uuuu-MM-dd} of a proleptic Gregorian epoch day into the first ten chars. */
    private static void writeDate(char[] text, long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        checkYear(date.getYear());
        writeDigits(text, 0, date.getYear(), 4);
        text[4] = '-';
        writeDigits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        writeDigits(text, 8, date.getDayOfMonth(), 2);
    }

    /** A non-negative number as exactly {@code width} decimal digits, zero-padded (the number must fit). */
    private static void writeDigits(char[] text, int offset, int value, int width) {
        int rest = value;
        for (int i = offset + width - 1; i >= offset; i--) {
            text[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }

    private static void checkYear(int year) {
        if (year < 0 || year > MAX_YEAR) {
            throw new IllegalArgumentException("year " + year + " is outside MySQL's 0000..9999");
        }
    }
}
