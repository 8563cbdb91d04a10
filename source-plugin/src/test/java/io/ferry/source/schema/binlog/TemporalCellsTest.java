package io.ferry.source.schema.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import io.ferry.source.schema.MySqlDateTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Binlog temporal cells encoded by hand in MySQL's storage formats (sql/my_time.cc). */
class TemporalCellsTest {

    private static ByteArrayInputStream bytes(String hex) {
        return new ByteArrayInputStream(HexFormat.of().parseHex(hex));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 7fffff, -PT1S",
        "0, b46efb, PT838H59M59S",
        "6, 4b9105000000, -PT838H59M59S",
        "2, 7fffffff, -PT0.01S",
        "3, 7fef7cee6c, -PT1H2M3.45S",
        "3, 80c8b81ed2, PT12H34M56.789S",
        "6, 7fffffffffff, -PT0.000001S",
        "0, 800000, PT0S"
    })
    void timeV2KeepsSignAndHoursAbove24(int fsp, String hex, String expected) throws Exception {
        assertThat(TemporalCells.timeV2(fsp, bytes(hex))).isEqualTo(Duration.parse(expected));
    }

    @Test
    void datetimeV2KeepsMicroseconds() throws Exception {
        assertThat(TemporalCells.datetimeV2(6, bytes("99a028694301e240")))
                .isEqualTo(new MySqlDateTime(2018, 6, 20, 6, 37, 3, 123456));
    }

    @Test
    void zeroDatetimeIsAZeroDateNotASentinel() throws Exception {
        MySqlDateTime zero = (MySqlDateTime) TemporalCells.datetimeV2(0, bytes("8000000000"));
        assertThat(zero).isEqualTo(new MySqlDateTime(0, 0, 0, 0, 0, 0, 0));
        assertThat(zero.isZeroDate()).isTrue();
    }

    @Test
    void datesBeforeTheGregorianReformAreNotShiftedByTheJulianCalendar() throws Exception {
        MySqlDateTime date = (MySqlDateTime) TemporalCells.date(bytes("210200"));
        assertThat(date).isEqualTo(new MySqlDateTime(1, 1, 1, 0, 0, 0, 0));
        assertThat(date.toLocalDateTime().toLocalDate().toEpochDay()).isEqualTo(-719162);
    }

    @Test
    void yearZeroIsZeroNot1900() throws Exception {
        assertThat(TemporalCells.year(bytes("00"))).isEqualTo(0);
        assertThat(TemporalCells.year(bytes("ff"))).isEqualTo(2155);
    }

    @Test
    void timestampV2IsAnInstantWithMicroseconds() throws Exception {
        // 2018-06-20T13:37:03Z is second 1529501823 = 0x5b2a587f; fraction 120000 in 3 bytes for fsp 6.
        assertThat(TemporalCells.timestampV2(6, bytes("5b2a587f01d4c0")))
                .isEqualTo(Instant.parse("2018-06-20T13:37:03.120Z"));
    }

    @Test
    void oldTimeFormatIsSignedDecimalDigits() throws Exception {
        // -838:59:59 is -8385959 as a 3-byte little-endian two's complement number.
        int value = -8385959 & 0xFFFFFF;
        byte[] raw = {(byte) value, (byte) (value >> 8), (byte) (value >> 16)};
        assertThat(TemporalCells.timeV1(new ByteArrayInputStream(raw)))
                .isEqualTo(Duration.parse("-PT838H59M59S"));
    }
}
