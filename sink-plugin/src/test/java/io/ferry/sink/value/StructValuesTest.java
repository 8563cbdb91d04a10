package io.ferry.sink.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class StructValuesTest {

    static final Schema VARIABLE_SCALE_DECIMAL = SchemaBuilder.struct()
            .name("io.debezium.data.VariableScaleDecimal").version(1)
            .field("scale", Schema.INT32_SCHEMA).field("value", Schema.BYTES_SCHEMA).optional().build();
    static final Schema GEOMETRY = SchemaBuilder.struct().name("io.debezium.data.geometry.Geometry").version(1)
            .field("wkb", Schema.BYTES_SCHEMA).field("srid", Schema.OPTIONAL_INT32_SCHEMA).optional().build();
    static final Schema POINT = SchemaBuilder.struct().name("io.debezium.data.geometry.Point").version(1)
            .field("x", Schema.FLOAT64_SCHEMA).field("y", Schema.FLOAT64_SCHEMA)
            .field("wkb", Schema.OPTIONAL_BYTES_SCHEMA).field("srid", Schema.OPTIONAL_INT32_SCHEMA)
            .optional().build();
    /** POINT(1 2) as little-endian WKB, from docs/type-mapping.md. */
    static final byte[] POINT_1_2 = HexFormat.of().parseHex("0101000000000000000000F03F0000000000000040");

    @Test
    void variableScaleDecimalIsUnscaledTwosComplementAndScale() {
        Struct value = new Struct(VARIABLE_SCALE_DECIMAL).put("scale", 3)
                .put("value", new BigInteger("-123456789").toByteArray());
        assertThat(StructValues.variableScaleDecimal(value)).isEqualTo(new BigDecimal("-123456.789"));
        Struct big = new Struct(VARIABLE_SCALE_DECIMAL).put("scale", 30)
                .put("value", new BigInteger("9".repeat(65)).toByteArray());
        assertThat(StructValues.variableScaleDecimal(big))
                .isEqualTo(new BigDecimal("9".repeat(35) + "." + "9".repeat(30)));
        Struct zero = new Struct(VARIABLE_SCALE_DECIMAL).put("scale", 0).put("value", new byte[] {0});
        assertThat(StructValues.variableScaleDecimal(zero)).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void geometryIsLittleEndianSridThenWkb() {
        Struct wgs84 = new Struct(GEOMETRY).put("wkb", POINT_1_2).put("srid", 4326);
        assertThat(HexFormat.of().formatHex(StructValues.geometryInternalFormat(wgs84)))
                .isEqualToIgnoringCase("E6100000" + "0101000000000000000000F03F0000000000000040");
        Struct noSrid = new Struct(GEOMETRY).put("wkb", POINT_1_2);
        assertThat(HexFormat.of().formatHex(StructValues.geometryInternalFormat(noSrid)))
                .isEqualToIgnoringCase("00000000" + "0101000000000000000000F03F0000000000000040");
    }

    @Test
    void debeziumPointUsesItsWkbOrElseXAndY() {
        Struct withWkb = new Struct(POINT).put("x", 9.0).put("y", 9.0).put("wkb", POINT_1_2).put("srid", 4326);
        assertThat(HexFormat.of().formatHex(StructValues.geometryInternalFormat(withWkb)))
                .isEqualToIgnoringCase("E6100000" + "0101000000000000000000F03F0000000000000040");
        Struct xy = new Struct(POINT).put("x", 1.0).put("y", 2.0);
        assertThat(HexFormat.of().formatHex(StructValues.geometryInternalFormat(xy)))
                .isEqualToIgnoringCase("00000000" + "0101000000000000000000F03F0000000000000040");
    }

    @Test
    void bigEndianOrTruncatedWkbFails() {
        byte[] bigEndian = HexFormat.of().parseHex("00000000013FF00000000000004000000000000000");
        assertThatThrownBy(() -> StructValues.geometryInternalFormat(new Struct(GEOMETRY).put("wkb", bigEndian)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("little-endian");
        assertThatThrownBy(() -> StructValues.geometryInternalFormat(new Struct(GEOMETRY).put("wkb", new byte[2])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
