package io.ferry.sink.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** Which binding each schema gets and the JDBC value it sends; writing to a real server is ColumnBindingsIT. */
class ColumnBindingsTest {

    private static Schema named(SchemaBuilder builder, String name) {
        return builder.name(name).version(1).optional().build();
    }

    private static Object jdbc(Schema schema, Object connectValue) {
        ColumnBinding binding = ColumnBindings.forSchema(schema);
        assertThat(binding.placeholder()).isEqualTo("?");
        assertThat(binding.parameterCount()).isEqualTo(1);
        return ((ParameterBinding) binding).jdbcValue(connectValue);
    }

    private static ParameterType type(Schema schema) {
        return ((ParameterBinding) ColumnBindings.forSchema(schema)).type();
    }

    @Test
    void integersAreLongs() {
        assertThat(jdbc(Schema.INT16_SCHEMA, (short) -32768)).isEqualTo(-32768L);
        assertThat(jdbc(Schema.INT32_SCHEMA, 16777215)).isEqualTo(16777215L);
        assertThat(jdbc(Schema.INT64_SCHEMA, Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(jdbc(Schema.INT8_SCHEMA, (byte) 7)).isEqualTo(7L);
        assertThat(type(Schema.INT64_SCHEMA)).isEqualTo(ParameterType.LONG);
    }

    @Test
    void decimalsAndUnsignedBigintAreBigDecimals() {
        Schema unsignedBigint = Decimal.builder(0).parameter("connect.decimal.precision", "20").build();
        BigDecimal max = new BigDecimal("18446744073709551615");
        assertThat(jdbc(unsignedBigint, max)).isEqualTo(max);
        assertThat(type(unsignedBigint)).isEqualTo(ParameterType.DECIMAL);
        BigDecimal wide = new BigDecimal("-" + "9".repeat(35) + "." + "9".repeat(30));
        assertThat(jdbc(Decimal.schema(30), wide)).isEqualTo(wide);
        Struct variable = new Struct(StructValuesTest.VARIABLE_SCALE_DECIMAL).put("scale", 2)
                .put("value", BigInteger.valueOf(12345).toByteArray());
        assertThat(jdbc(StructValuesTest.VARIABLE_SCALE_DECIMAL, variable)).isEqualTo(new BigDecimal("123.45"));
    }

    @Test
    void decimalHandlingModesStringAndDoubleArePlainFields() {
        assertThat(jdbc(Schema.STRING_SCHEMA, "12.340")).isEqualTo("12.340");
        assertThat(jdbc(Schema.FLOAT64_SCHEMA, 12.34)).isEqualTo(12.34);
    }

    @Test
    void floatsAreWidenedExactlyAndNonFiniteValuesFail() {
        assertThat(jdbc(Schema.FLOAT32_SCHEMA, Float.MAX_VALUE)).isEqualTo((double) Float.MAX_VALUE);
        assertThat(jdbc(Schema.FLOAT32_SCHEMA, Float.MIN_VALUE)).isEqualTo((double) Float.MIN_VALUE);
        assertThat(jdbc(Schema.FLOAT64_SCHEMA, Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThat(type(Schema.FLOAT32_SCHEMA)).isEqualTo(ParameterType.DOUBLE);
        assertThatThrownBy(() -> jdbc(Schema.FLOAT64_SCHEMA, Double.NaN)).isInstanceOf(DataException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> jdbc(Schema.FLOAT32_SCHEMA, Float.NEGATIVE_INFINITY))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> jdbc(Schema.FLOAT32_SCHEMA, 0.1)).isInstanceOf(DataException.class)
                .hasMessageContaining("not a float");
    }

    @Test
    void booleansAndBitsAreNumbers() {
        assertThat(jdbc(Schema.BOOLEAN_SCHEMA, true)).isEqualTo(1L);
        assertThat(jdbc(Schema.BOOLEAN_SCHEMA, false)).isEqualTo(0L);
        Schema bits10 = SchemaBuilder.bytes().name("io.debezium.data.Bits").version(1).parameter("length", "10")
                .build();
        assertThat(jdbc(bits10, new byte[] {0x01, 0x02})).isEqualTo(new BigDecimal(513));
        assertThatThrownBy(() -> jdbc(bits10, new byte[] {0x00, 0x08})).isInstanceOf(DataException.class)
                .hasMessageContaining("io.debezium.data.Bits").hasMessageContaining("0x0008")
                .hasMessageContaining("BIT(10)");
    }

    @Test
    void textAndBytesPassUnchanged() {
        assertThat(jdbc(Schema.STRING_SCHEMA, "café € 😀")).isEqualTo("café € 😀");
        assertThat(jdbc(named(SchemaBuilder.string(), "io.debezium.data.Json"), "{\"a\": 1}")).isEqualTo("{\"a\": 1}");
        assertThat(jdbc(named(SchemaBuilder.string(), "io.debezium.data.Enum"), "c d")).isEqualTo("c d");
        assertThat(jdbc(named(SchemaBuilder.string(), "io.debezium.data.EnumSet"), "x,z")).isEqualTo("x,z");
        byte[] bytes = {1, 2, 0, 0};
        assertThat(jdbc(Schema.BYTES_SCHEMA, bytes)).isEqualTo(bytes);
        ByteBuffer window = ByteBuffer.wrap(new byte[] {9, 1, 2, 0, 0, 9}, 1, 4);
        assertThat((byte[]) jdbc(Schema.BYTES_SCHEMA, window)).containsExactly(1, 2, 0, 0);
    }

    @Test
    void debeziumTemporalTypesBecomeText() {
        assertThat(jdbc(named(SchemaBuilder.int32(), "io.debezium.time.Date"), 2932896)).isEqualTo("9999-12-31");
        assertThat(jdbc(named(SchemaBuilder.int64(), "io.debezium.time.Timestamp"), 1529476623123L))
                .isEqualTo("2018-06-20 06:37:03.123000");
        assertThat(jdbc(named(SchemaBuilder.int64(), "io.debezium.time.MicroTimestamp"), 1529476623123456L))
                .isEqualTo("2018-06-20 06:37:03.123456");
        assertThat(jdbc(named(SchemaBuilder.int64(), "io.debezium.time.NanoTimestamp"), 1529476623123456000L))
                .isEqualTo("2018-06-20 06:37:03.123456");
        assertThat(jdbc(named(SchemaBuilder.string(), "io.debezium.time.ZonedTimestamp"), "2018-06-20T13:37:03Z"))
                .isEqualTo("2018-06-20 13:37:03.000000");
        assertThat(jdbc(named(SchemaBuilder.int64(), "io.debezium.time.MicroTime"), -3020399000000L))
                .isEqualTo("-838:59:59.000000");
        assertThat(jdbc(named(SchemaBuilder.int32(), "io.debezium.time.Time"), 50223123))
                .isEqualTo("13:57:03.123000");
        assertThat(jdbc(named(SchemaBuilder.int64(), "io.debezium.time.NanoTime"), 50223123456000L))
                .isEqualTo("13:57:03.123456");
        assertThat(jdbc(named(SchemaBuilder.string(), "io.debezium.time.ZonedTime"), "13:57:03.5Z"))
                .isEqualTo("13:57:03.500000");
        assertThat(type(named(SchemaBuilder.int64(), "io.debezium.time.MicroTime"))).isEqualTo(ParameterType.STRING);
    }

    @Test
    void connectLogicalTypesBecomeText() {
        // 1582-10-10 exists on the proleptic calendar; a java.util.Calendar would read it as a Julian date.
        assertThat(jdbc(Date.SCHEMA, new java.util.Date(-141432L * 86_400_000L))).isEqualTo("1582-10-10");
        assertThat(jdbc(Date.SCHEMA, -719162)).isEqualTo("0001-01-01");
        assertThat(jdbc(Time.SCHEMA, new java.util.Date(50223123L))).isEqualTo("13:57:03.123000");
        assertThat(jdbc(Timestamp.SCHEMA, new java.util.Date(-1L))).isEqualTo("1969-12-31 23:59:59.999000");
        assertThatThrownBy(() -> jdbc(Time.SCHEMA, new java.util.Date(86_400_000L)))
                .isInstanceOf(DataException.class);
    }

    @Test
    void yearsOutsideWhatYearHoldsFail() {
        Schema year = named(SchemaBuilder.int32(), "io.debezium.time.Year");
        assertThat(jdbc(year, 2155)).isEqualTo(2155L);
        assertThat(jdbc(year, 1901)).isEqualTo(1901L);
        assertThat(jdbc(year, 0)).isEqualTo(0L);
        // Debezium's binlog path emits YEAR 0000 as 1900, which YEAR cannot hold.
        assertThatThrownBy(() -> jdbc(year, 1900)).isInstanceOf(DataException.class)
                .hasMessageContaining("io.debezium.time.Year").hasMessageContaining("'1900'");
        assertThatThrownBy(() -> jdbc(year, 99)).isInstanceOf(DataException.class);
    }

    @Test
    void geometryIsBoundInMySqlsInternalFormat() {
        Struct point = new Struct(StructValuesTest.GEOMETRY).put("wkb", StructValuesTest.POINT_1_2).put("srid", 4326);
        assertThat(HexFormat.of().formatHex((byte[]) jdbc(StructValuesTest.GEOMETRY, point)))
                .isEqualToIgnoringCase("E61000000101000000000000000000F03F0000000000000040");
        Struct xy = new Struct(StructValuesTest.POINT).put("x", 1.0).put("y", 2.0).put("srid", 4326);
        assertThat(HexFormat.of().formatHex((byte[]) jdbc(StructValuesTest.POINT, xy)))
                .isEqualToIgnoringCase("E61000000101000000000000000000F03F0000000000000040");
    }

    @Test
    void unknownLogicalNamesAndKnownNamesOnOtherTypesFallBackByType() {
        assertThat(jdbc(named(SchemaBuilder.string(), "io.debezium.data.Uuid"), "x")).isEqualTo("x");
        assertThat(jdbc(named(SchemaBuilder.int64(), "com.example.Counter"), 5L)).isEqualTo(5L);
        assertThat(jdbc(named(SchemaBuilder.string(), "io.debezium.time.Date"), "2020-01-01"))
                .isEqualTo("2020-01-01");
    }

    @Test
    void schemasNoColumnTakesFailWhenChosen() {
        Schema other = SchemaBuilder.struct().name("com.example.Money").field("amount", Schema.INT64_SCHEMA).build();
        assertThatThrownBy(() -> ColumnBindings.forSchema(other)).isInstanceOf(DataException.class)
                .hasMessageContaining("com.example.Money");
        assertThatThrownBy(() -> ColumnBindings.forSchema(SchemaBuilder.array(Schema.INT32_SCHEMA).build()))
                .isInstanceOf(DataException.class).hasMessageContaining("ARRAY");
    }

    @Test
    void aValueOfTheWrongJavaClassFailsNamingSchemaAndValue() {
        Schema micro = named(SchemaBuilder.int64(), "io.debezium.time.MicroTimestamp");
        assertThatThrownBy(() -> jdbc(micro, "2020-01-01")).isInstanceOf(DataException.class)
                .hasMessageContaining("io.debezium.time.MicroTimestamp (INT64)")
                .hasMessageContaining("'2020-01-01' (String)");
        assertThatThrownBy(() -> jdbc(named(SchemaBuilder.int64(), "io.debezium.time.MicroTime"), 3020400000000L))
                .isInstanceOf(DataException.class).hasMessageContaining("838:59:59");
    }
}
