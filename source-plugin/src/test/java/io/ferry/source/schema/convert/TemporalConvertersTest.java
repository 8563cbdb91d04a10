package io.ferry.source.schema.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.source.schema.ColumnDef;
import io.ferry.source.schema.ColumnType;
import io.ferry.source.schema.MySqlDateTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemporalConvertersTest {

    private static final MySqlDateTime ZERO = new MySqlDateTime(0, 0, 0, 0, 0, 0, 0);

    private static ColumnConverter converter(String dataType, int fsp, boolean optional) {
        return ColumnConverters.forColumn(new ColumnDef("t",
                new ColumnType(dataType, false, 0, 0, 0, fsp, null, List.of()), optional));
    }

    @Test
    void zeroDatesAreNullOrTheEpochWhenRequired() {
        assertThat(converter("date", 0, true).fromBinlog(ZERO)).isNull();
        assertThat(converter("date", 0, false).fromBinlog(ZERO)).isEqualTo(0);
        assertThat(converter("datetime", 0, false).fromBinlog(new MySqlDateTime(2020, 0, 15, 0, 0, 0, 0)))
                .isEqualTo(0L);
        assertThat(converter("timestamp", 3, false).fromBinlog(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(converter("timestamp", 0, true).fromBinlog(Instant.EPOCH)).isNull();
    }

    @Test
    void datetimePrecisionChoosesMillisOrMicros() {
        MySqlDateTime value = MySqlDateTime.parse("2018-06-20 06:37:03.123456");
        assertThat(converter("datetime", 3, true).fromBinlog(value)).isEqualTo(1529476623123L);
        assertThat(converter("datetime", 6, true).fromBinlog(value)).isEqualTo(1529476623123456L);
        assertThat(converter("datetime", 6, true).schema().name()).isEqualTo("io.debezium.time.MicroTimestamp");
        assertThat(converter("datetime", 3, true).schema().name()).isEqualTo("io.debezium.time.Timestamp");
        assertThat(converter("datetime", 6, true).toJdbc(-1L)).isEqualTo("1969-12-31 23:59:59.999999");
    }

    @Test
    void timestampsHaveExactlyFspFractionDigits() {
        Instant instant = Instant.parse("2018-06-20T13:37:03.12Z");
        assertThat(converter("timestamp", 0, true).fromBinlog(Instant.parse("2018-06-20T13:37:03Z")))
                .isEqualTo("2018-06-20T13:37:03Z");
        assertThat(converter("timestamp", 2, true).fromBinlog(instant)).isEqualTo("2018-06-20T13:37:03.12Z");
        assertThat(converter("timestamp", 6, true).fromBinlog(instant)).isEqualTo("2018-06-20T13:37:03.120000Z");
        assertThat(converter("timestamp", 6, true).toJdbc("2018-06-20T13:37:03.120000Z"))
                .isEqualTo("2018-06-20 13:37:03.120000");
    }

    @Test
    void timesAreSignedMicrosecondsBeyond24Hours() {
        ColumnConverter time = converter("time", 6, true);
        assertThat(time.fromBinlog(Duration.parse("-PT838H59M59S"))).isEqualTo(-3020399000000L);
        assertThat(TimeConverter.parseMicros("-838:59:59.000000")).isEqualTo(-3020399000000L);
        assertThat(TimeConverter.parseMicros("-00:00:00.01")).isEqualTo(-10000L);
        assertThat(TimeConverter.parseMicros("100:00:00.99")).isEqualTo(360000990000L);
        assertThat(time.toJdbc(-3723450000L)).isEqualTo("-1:02:03.450000");
        assertThat(time.toJdbc(3020399000000L)).isEqualTo("838:59:59.000000");
    }

    @Test
    void datesAreEpochDaysOnTheProlepticCalendar() {
        ColumnConverter date = converter("date", 0, true);
        assertThat(date.fromBinlog(MySqlDateTime.parse("0001-01-01"))).isEqualTo(-719162);
        assertThat(date.toJdbc(-719162)).isEqualTo("0001-01-01");
        assertThat(converter("year", 0, true).fromBinlog(0)).isEqualTo(0);
    }

    @Test
    void serverTextIsParsedWithAnyNumberOfFractionDigits() {
        assertThat(MySqlDateTime.parse("2020-01-02 03:04:05.5")).isEqualTo(new MySqlDateTime(2020, 1, 2, 3, 4, 5,
                500000));
        assertThat(MySqlDateTime.parse("0000-00-00").isZeroDate()).isTrue();
        assertThat(MySqlDateTime.parse("2020-00-15 10:00:00").isZeroDate()).isTrue();
    }

    /** The server prints them in both protocols; useCursorFetch=true would otherwise bring binary encodings. */
    @Test
    void temporalColumnsAreSelectedAsTheServersText() {
        for (String type : new String[] {"date", "datetime", "timestamp", "time", "year"}) {
            assertThat(converter(type, 3, true).selectExpression("`c`")).as(type).isEqualTo("CAST(`c` AS CHAR)");
        }
    }
}
