package io.ferry.source.schema.binlog;

import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import io.ferry.source.schema.MySqlDateTime;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Decodes temporal cells of binlog rows without loss. The binlog client's own decoding turns them into
 * epoch values through a Julian/Gregorian calendar (wrong before 1582), maps zero dates to one sentinel,
 * drops the sign of negative TIME values and reads YEAR 0000 as 1900; Ferry decodes the stored fields instead.
 *
 * <p>Results: DATE and DATETIME as {@link MySqlDateTime}, TIMESTAMP as {@link Instant} (the zero timestamp is
 * {@link Instant#EPOCH}), TIME as a signed {@link Duration}, YEAR as an {@link Integer} (0 for 0000).
 */
final class TemporalCells {

    private static final long DATETIMEF_INT_OFS = 0x8000000000L;
    private static final long TIMEF_OFS = 0x800000000000L;
    private static final long TIMEF_INT_OFS = 0x800000L;

    private TemporalCells() {
    }

    /** DATE: 3 bytes little-endian, day in bits 0-4, month in 5-8, year above. */
    static Serializable date(ByteArrayInputStream in) throws IOException {
        int value = in.readInteger(3);
        return new MySqlDateTime(value >>> 9, (value >>> 5) & 0xF, value & 0x1F, 0, 0, 0, 0);
    }

    /** DATETIME before MySQL 5.6.4: 8 bytes little-endian holding the decimal number YYYYMMDDhhmmss. */
    static Serializable datetimeV1(ByteArrayInputStream in) throws IOException {
        long value = in.readLong(8);
        long date = value / 1_000_000L;
        long time = value % 1_000_000L;
        return new MySqlDateTime((int) (date / 10000), (int) (date / 100 % 100), (int) (date % 100),
                (int) (time / 10000), (int) (time / 100 % 100), (int) (time % 100), 0);
    }

    /** DATETIME(fsp), 5.6.4 format: 5 bytes big-endian (year*13+month, day, h, m, s) then the fraction. */
    static Serializable datetimeV2(int fsp, ByteArrayInputStream in) throws IOException {
        long packed = bigEndian(in.read(5)) - DATETIMEF_INT_OFS;
        int micros = fraction(fsp, in);
        long yearMonthDay = packed >> 17;
        long yearMonth = yearMonthDay >> 5;
        long hms = packed & 0x1FFFF;
        return new MySqlDateTime((int) (yearMonth / 13), (int) (yearMonth % 13), (int) (yearMonthDay & 0x1F),
                (int) (hms >> 12), (int) ((hms >> 6) & 0x3F), (int) (hms & 0x3F), micros);
    }

    /** TIMESTAMP before 5.6.4: 4 bytes little-endian seconds since the epoch. */
    static Serializable timestampV1(ByteArrayInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(4));
    }

    /** TIMESTAMP(fsp): 4 bytes big-endian seconds since the epoch, then the fraction. */
    static Serializable timestampV2(int fsp, ByteArrayInputStream in) throws IOException {
        long seconds = bigEndian(in.read(4));
        return Instant.ofEpochSecond(seconds, fraction(fsp, in) * 1000L);
    }

    /** TIME before 5.6.4: 3 bytes little-endian signed, the decimal number [-]HHMMSS. */
    static Serializable timeV1(ByteArrayInputStream in) throws IOException {
        int value = (in.readInteger(3) << 8) >> 8;
        int abs = Math.abs(value);
        long seconds = (abs / 10000) * 3600L + (abs / 100 % 100) * 60L + abs % 100;
        return Duration.ofSeconds(value < 0 ? -seconds : seconds);
    }

    /**
     * TIME(fsp), 5.6.4 format: a signed "packed" value (h&lt;&lt;12 | m&lt;&lt;6 | s) &lt;&lt; 24 plus signed
     * microseconds, stored with an offset so that it sorts as unsigned bytes. For fsp 1-4 the fraction is
     * stored separately and borrows from the integer part when the time is negative.
     */
    static Serializable timeV2(int fsp, ByteArrayInputStream in) throws IOException {
        long packed;
        switch (fsp) {
            case 0 -> packed = (bigEndian(in.read(3)) - TIMEF_INT_OFS) << 24;
            case 1, 2 -> {
                long intPart = bigEndian(in.read(3)) - TIMEF_INT_OFS;
                long frac = bigEndian(in.read(1));
                if (intPart < 0 && frac != 0) {
                    intPart++;
                    frac -= 0x100;
                }
                packed = (intPart << 24) + frac * 10000;
            }
            case 3, 4 -> {
                long intPart = bigEndian(in.read(3)) - TIMEF_INT_OFS;
                long frac = bigEndian(in.read(2));
                if (intPart < 0 && frac != 0) {
                    intPart++;
                    frac -= 0x10000;
                }
                packed = (intPart << 24) + frac * 100;
            }
            default -> packed = bigEndian(in.read(6)) - TIMEF_OFS;
        }
        long abs = Math.abs(packed);
        long hms = abs >> 24;
        long micros = abs & 0xFFFFFF;
        long seconds = ((hms >> 12) & 0x3FF) * 3600 + ((hms >> 6) & 0x3F) * 60 + (hms & 0x3F);
        Duration duration = Duration.ofSeconds(seconds, micros * 1000);
        return packed < 0 ? duration.negated() : duration;
    }

    /** YEAR: one byte, the year minus 1900, with 0 standing for year 0000. */
    static Serializable year(ByteArrayInputStream in) throws IOException {
        int value = in.readInteger(1);
        return value == 0 ? 0 : 1900 + value;
    }

    /** Microseconds of a fractional-seconds field of (fsp + 1) / 2 big-endian bytes. */
    private static int fraction(int fsp, ByteArrayInputStream in) throws IOException {
        int length = (fsp + 1) / 2;
        if (length == 0) {
            return 0;
        }
        int value = (int) bigEndian(in.read(length));
        return switch (length) {
            case 1 -> value * 10000;
            case 2 -> value * 100;
            default -> value;
        };
    }

    private static long bigEndian(byte[] bytes) {
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }
}
