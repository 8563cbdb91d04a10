package io.ferry.source.schema.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.common.TableId;
import io.ferry.source.schema.ColumnDef;
import io.ferry.source.schema.ColumnDefault;
import io.ferry.source.schema.ColumnType;
import io.ferry.source.schema.KeyKind;
import io.ferry.source.schema.MySqlDateTime;
import io.ferry.source.schema.TableDef;
import io.ferry.source.schema.TimePrecisionMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** {@code time.precision.mode=connect}: DATE, DATETIME and TIME as Connect's own logical types. */
class ConnectTemporalConvertersTest {

    private static final TableId TABLE = new TableId("shop", "opening_hours");
    private static final MySqlDateTime ZERO = new MySqlDateTime(0, 0, 0, 0, 0, 0, 0);

    private static ColumnConverter converter(String dataType, int fsp, boolean optional, ColumnDefault dflt) {
        return ColumnConverters.forColumn(TABLE, new ColumnDef("opens",
                new ColumnType(dataType, false, 0, 0, 0, fsp, null, List.of()), optional, dflt),
                TimePrecisionMode.CONNECT);
    }

    private static ColumnConverter converter(String dataType, int fsp, boolean optional) {
        return converter(dataType, fsp, optional, ColumnDefault.NONE);
    }

    /** What the server prints for a column selected as CAST(c AS CHAR), read through the JDBC path. */
    private static Object fromText(ColumnConverter converter, String text) {
        return ((ServerTextConverter) converter).fromServerText(text);
    }

    @Test
    void datesAreConnectDatesAtMidnightUtcOnBothPaths() {
        ColumnConverter date = converter("date", 0, true);
        assertThat(date.schema().name()).isEqualTo(org.apache.kafka.connect.data.Date.LOGICAL_NAME);
        Date expected = new Date(Instant.parse("9999-12-31T00:00:00Z").toEpochMilli());
        assertThat(fromText(date, "9999-12-31")).isEqualTo(expected);
        assertThat(date.fromBinlog(new MySqlDateTime(9999, 12, 31, 0, 0, 0, 0))).isEqualTo(expected);
        assertThat(fromText(date, "0001-01-01")).as("proleptic Gregorian, as the default mode")
                .isEqualTo(new Date(-719162L * 86_400_000L));
        assertThat(date.toJdbc(expected)).isEqualTo("9999-12-31");
        ConnectSchema.validateValue(date.schema(), expected);
    }

    @Test
    void datetimesAreMillisecondsWithTheMicrosecondsTruncated() {
        ColumnConverter datetime = converter("datetime", 6, true);
        assertThat(datetime.schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        Date expected = new Date(1529476623123L);
        assertThat(fromText(datetime, "2018-06-20 06:37:03.123999")).isEqualTo(expected);
        assertThat(datetime.fromBinlog(MySqlDateTime.parse("2018-06-20 06:37:03.123999"))).isEqualTo(expected);
        assertThat(fromText(converter("datetime", 3, true), "2018-06-20 06:37:03.123")).isEqualTo(expected);
        assertThat(fromText(datetime, "1969-12-31 23:59:59.999999")).as("floored before the epoch too")
                .isEqualTo(new Date(-1L));
        assertThat(datetime.toJdbc(new Date(-1L))).isEqualTo("1969-12-31 23:59:59.999000");
        assertThat(converter("datetime", 0, true).schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
    }

    @Test
    void timesOfDayAreMillisecondsSinceMidnight() {
        ColumnConverter time = converter("time", 6, true);
        assertThat(time.schema().name()).isEqualTo(Time.LOGICAL_NAME);
        assertThat(fromText(time, "13:37:03.123456")).isEqualTo(new Date(49_023_123L));
        assertThat(time.fromBinlog(Duration.parse("PT13H37M3.123456S"))).isEqualTo(new Date(49_023_123L));
        assertThat(fromText(time, "00:00:00")).isEqualTo(new Date(0L));
        assertThat(fromText(time, "-00:00:00")).as("MySQL's minus zero is midnight").isEqualTo(new Date(0L));
        assertThat(fromText(time, "23:59:59.999999")).isEqualTo(new Date(86_399_999L));
        assertThat(time.toJdbc(new Date(49_023_123L))).isEqualTo("13:37:03.123000");
        ConnectSchema.validateValue(time.schema(), new Date(86_399_999L));
    }

    @Test
    void aTimeOutsideTheDayFailsNamingTableColumnValueAndFix() {
        ColumnConverter time = converter("time", 2, false);
        for (String text : new String[] {"-00:00:00.01", "24:00:00", "838:59:59", "-838:59:59"}) {
            assertThatThrownBy(() -> fromText(time, text)).isInstanceOf(DataException.class)
                    .hasMessageContaining("shop.opening_hours")
                    .hasMessageContaining("column opens")
                    .hasMessageContaining("time.precision.mode=adaptive_time_microseconds");
        }
        assertThatThrownBy(() -> fromText(time, "-01:02:03.45")).hasMessageContaining("-1:02:03.450000");
        assertThatThrownBy(() -> time.fromBinlog(Duration.ofHours(25))).isInstanceOf(DataException.class)
                .hasMessageContaining("25:00:00.000000");
        assertThatThrownBy(() -> time.fromBinlog(Duration.ofMillis(-10))).isInstanceOf(DataException.class);
    }

    @Test
    void zeroDatesAreNullOrTheDefaultOrTheEpochAsInTheDefaultMode() {
        assertThat(converter("date", 0, true).fromBinlog(ZERO)).isNull();
        assertThat(fromText(converter("datetime", 3, true), "0000-00-00 00:00:00.000")).isNull();
        assertThat(converter("date", 0, false).fromBinlog(ZERO)).isEqualTo(new Date(0L));
        assertThat(converter("datetime", 0, false).fromBinlog(new MySqlDateTime(2020, 0, 15, 0, 0, 0, 0)))
                .isEqualTo(new Date(0L));
        assertThat(converter("date", 0, false, ColumnDefault.literal("2000-01-01")).fromBinlog(ZERO))
                .isEqualTo(new Date(Instant.parse("2000-01-01T00:00:00Z").toEpochMilli()));
    }

    @Test
    void defaultsHaveTheConnectTypesJavaClass() {
        assertThat(converter("date", 0, false, ColumnDefault.literal("2020-02-29")).schema().defaultValue())
                .isEqualTo(new Date(Instant.parse("2020-02-29T00:00:00Z").toEpochMilli()));
        assertThat(converter("datetime", 6, false, new ColumnDefault(ColumnDefault.Kind.CURRENT_TIMESTAMP,
                "current_timestamp(6)")).schema().defaultValue()).isEqualTo(new Date(0L));
        assertThat(converter("datetime", 6, false, ColumnDefault.literal("2018-06-20 06:37:03.123456"))
                .schema().defaultValue()).isEqualTo(new Date(1529476623123L));
        assertThat(converter("time", 0, false, ColumnDefault.literal("12:00:00")).schema().defaultValue())
                .isEqualTo(new Date(43_200_000L));
        assertThat(converter("time", 0, false, ColumnDefault.literal("-01:00:00")).schema().defaultValue())
                .as("a DEFAULT no time of day can hold is left out, as any unconvertible DEFAULT").isNull();
        assertThat(converter("date", 0, false, ColumnDefault.literal("0000-00-00")).schema().defaultValue())
                .as("a zero-date DEFAULT in a NOT NULL column is the epoch").isEqualTo(new Date(0L));
        assertThat(converter("date", 0, true, ColumnDefault.literal("0000-00-00")).schema().defaultValue())
                .isNull();
    }

    @Test
    void aKeyColumnWithMicrosecondsIsRefusedInConnectMode() {
        TableDef keyed = new TableDef(TABLE, List.of(new ColumnDef("at",
                new ColumnType("datetime", false, 0, 0, 0, 6, null, List.of()), false)), List.of("at"),
                KeyKind.PRIMARY);
        assertThatThrownBy(() -> RowSchema.of(keyed, "p", FieldNameAdjustment.NONE, TimePrecisionMode.CONNECT))
                .hasMessageContaining("shop.opening_hours: key column at is DATETIME(6)")
                .hasMessageContaining("time.precision.mode=adaptive_time_microseconds");
        assertThat(RowSchema.of(keyed, "p").keySchema().field("at")).isNotNull();
        TableDef millis = new TableDef(TABLE, List.of(new ColumnDef("at",
                new ColumnType("datetime", false, 0, 0, 0, 3, null, List.of()), false)), List.of("at"),
                KeyKind.PRIMARY);
        assertThat(RowSchema.of(millis, "p", FieldNameAdjustment.NONE, TimePrecisionMode.CONNECT).keySchema()
                .field("at").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
    }

    @Test
    void timestampAndYearAreTheSameInBothModes() {
        Instant instant = Instant.parse("2018-06-20T13:37:03.12Z");
        ColumnConverter timestamp = converter("timestamp", 2, true);
        assertThat(timestamp.schema().name()).isEqualTo(DebeziumSchemas.ZONED_TIMESTAMP);
        assertThat(timestamp.fromBinlog(instant)).isEqualTo("2018-06-20T13:37:03.12Z");
        ColumnConverter year = converter("year", 0, true);
        assertThat(year.schema().name()).isEqualTo(DebeziumSchemas.YEAR);
        assertThat(year.fromBinlog(2155)).isEqualTo(2155);
    }
}
