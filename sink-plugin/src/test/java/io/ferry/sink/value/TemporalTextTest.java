package io.ferry.sink.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemporalTextTest {

    @ParameterizedTest
    @CsvSource({
        "0, 1970-01-01",
        "-1, 1969-12-31",
        "2932896, 9999-12-31",
        "-719162, 0001-01-01",
        "-683004, 0099-12-31",
        // Proleptic Gregorian: the days the Julian switch skipped exist, and nothing shifts before 1582.
        "-141432, 1582-10-10",
        "-141427, 1582-10-15",
        "-354285, 1000-01-01",
        // Year 0 (1 BC, a leap year): MySQL accepts 0000-01-01 without NO_ZERO_IN_DATE.
        "-719528, 0000-01-01",
    })
    void datesAreProlepticWithFourDigitYears(long epochDay, String expected) {
        assertThat(TemporalText.date(epochDay)).isEqualTo(expected);
    }

    @Test
    void datesOutsideMySqlYearsFail() {
        assertThatThrownBy(() -> TemporalText.date(2932897)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("year 10000");
        assertThatThrownBy(() -> TemporalText.date(-719529)).hasMessageContaining("year -1");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 1970-01-01 00:00:00.000000",
        "1529476623123456, 2018-06-20 06:37:03.123456",
        "-1000, 1969-12-31 23:59:59.999000",
        "-1, 1969-12-31 23:59:59.999999",
        "-30610223999999999, 1000-01-01 00:00:00.000001",
        "-62135596800000000, 0001-01-01 00:00:00.000000",
        "253402300799999999, 9999-12-31 23:59:59.999999",
        // Zero-padded fields of a year below 1000, and year 0.
        "-59011500303999211, 0099-12-31 12:34:56.000789",
        "-62167219200000000, 0000-01-01 00:00:00.000000",
    })
    void dateTimesFromEpochMicros(long micros, String expected) {
        assertThat(TemporalText.dateTime(micros)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "2018-06-20T13:37:03Z, 2018-06-20 13:37:03.000000",
        "2018-06-20T13:37:03.1Z, 2018-06-20 13:37:03.100000",
        "2018-06-20T13:37:03.12Z, 2018-06-20 13:37:03.120000",
        "2018-06-20T13:37:03.123Z, 2018-06-20 13:37:03.123000",
        "2018-06-20T13:37:03.1234Z, 2018-06-20 13:37:03.123400",
        "2018-06-20T13:37:03.12345Z, 2018-06-20 13:37:03.123450",
        "2018-06-20T13:37:03.120000Z, 2018-06-20 13:37:03.120000",
        "2018-06-20T13:37:03.1234560Z, 2018-06-20 13:37:03.123456",
        "2018-06-20T13:37:03.12345600Z, 2018-06-20 13:37:03.123456",
        "2018-06-20T13:37:03.123456000Z, 2018-06-20 13:37:03.123456",
        // Other offsets are converted to UTC, across a date boundary too.
        "2018-06-20T15:37:03.5+02:00, 2018-06-20 13:37:03.500000",
        "2018-06-20T23:30:00-01:00, 2018-06-21 00:30:00.000000",
        "2038-01-19T03:14:07.999999Z, 2038-01-19 03:14:07.999999",
        "1970-01-01T00:00:01Z, 1970-01-01 00:00:01.000000",
    })
    void zonedTimestampsWithZeroToNineFractionDigitsBecomeUtcText(String iso, String expected) {
        assertThat(TemporalText.timestamp(iso)).isEqualTo(expected);
    }

    @Test
    void theEpochIsTheZeroTimestamp() {
        assertThat(TemporalText.timestamp("1970-01-01T00:00:00Z")).isEqualTo("0000-00-00 00:00:00");
        assertThat(TemporalText.timestamp("1970-01-01T00:00:00.000000Z")).isEqualTo("0000-00-00 00:00:00");
        assertThat(TemporalText.timestamp("1970-01-01T01:00:00+01:00")).isEqualTo("0000-00-00 00:00:00");
    }

    @Test
    void subMicrosecondTimestampsAndBadTextFail() {
        assertThatThrownBy(() -> TemporalText.timestamp("2018-06-20T13:37:03.123456789Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sub-microsecond");
        assertThatThrownBy(() -> TemporalText.timestamp("2018-06-20 13:37:03"))
                .isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0:00:00.000000",
        "3020399000000, 838:59:59.000000",
        "-3020399000000, -838:59:59.000000",
        "3020399999999, 838:59:59.999999",
        "-3020399999999, -838:59:59.999999",
        "-10000, -0:00:00.010000",
        "-1, -0:00:00.000001",
        "86400000000, 24:00:00.000000",
        "360000000001, 100:00:00.000001",
        "-3723456789, -1:02:03.456789",
        "50223000000, 13:57:03.000000",
    })
    void timesFromSignedMicrosIncludingNegativeAndBeyondADay(long micros, String expected) {
        assertThat(TemporalText.time(micros)).isEqualTo(expected);
    }

    @Test
    void dateTimesOutsideMySqlYearsFail() {
        assertThatThrownBy(() -> TemporalText.dateTime(253402300800000000L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("year 10000");
        assertThatThrownBy(() -> TemporalText.dateTime(-62167219200000001L)).hasMessageContaining("year -1");
    }

    @Test
    void timesBeyond838HoursFail() {
        assertThatThrownBy(() -> TemporalText.time(3020400000000L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("838:59:59");
        assertThatThrownBy(() -> TemporalText.time(-3020400000000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TemporalText.time(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "13:37:03Z, 13:37:03.000000",
        "13:37:03.123456Z, 13:37:03.123456",
        "15:37:03.5+02:00, 13:37:03.500000",
        "00:30:00+01:00, 23:30:00.000000",
    })
    void zonedTimesAreUtcTimesOfDay(String iso, String expected) {
        assertThat(TemporalText.zonedTime(iso)).isEqualTo(expected);
    }

    @Test
    void nanosMustBeWholeMicros() {
        assertThat(TemporalText.microsOfNanos(-1_000L)).isEqualTo(-1L);
        assertThat(TemporalText.microsOfNanos(1_529_476_623_123_456_000L)).isEqualTo(1_529_476_623_123_456L);
        assertThatThrownBy(() -> TemporalText.microsOfNanos(1_001L)).hasMessageContaining("sub-microsecond");
    }

    @Test
    void connectTimesAreTimesOfDay() {
        assertThat(TemporalText.microsOfDayMillis(86_399_999L)).isEqualTo(86_399_999_000L);
        assertThatThrownBy(() -> TemporalText.microsOfDayMillis(86_400_000L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TemporalText.microsOfDayMillis(-1L)).isInstanceOf(IllegalArgumentException.class);
    }
}
