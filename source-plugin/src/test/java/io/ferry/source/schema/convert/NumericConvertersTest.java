package io.ferry.source.schema.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.source.schema.ColumnDef;
import io.ferry.source.schema.ColumnType;
import java.math.BigDecimal;
import java.util.BitSet;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;

class NumericConvertersTest {

    private static ColumnConverter converter(String dataType, boolean unsigned) {
        return ColumnConverters.forColumn(new ColumnDef("c", ColumnType.of(dataType, unsigned), true));
    }

    @Test
    void unsignedIntegersDecodedAsSignedByTheBinlogClientAreReinterpreted() {
        assertThat(converter("tinyint", true).fromBinlog(-1)).isEqualTo((short) 255);
        assertThat(converter("smallint", true).fromBinlog(-1)).isEqualTo(65535);
        assertThat(converter("mediumint", true).fromBinlog(-1)).isEqualTo(16777215);
        assertThat(converter("int", true).fromBinlog(-1)).isEqualTo(4294967295L);
        assertThat(converter("bigint", true).fromBinlog(-1L)).isEqualTo(new BigDecimal("18446744073709551615"));
        assertThat(converter("bigint", false).fromBinlog(-1L)).isEqualTo(-1L);
        assertThat(converter("mediumint", false).fromBinlog(-8388608)).isEqualTo(-8388608);
    }

    @Test
    void eachIntegerGetsTheSmallestConnectTypeThatHoldsItsRange() {
        assertThat(converter("tinyint", false).schema().type()).isEqualTo(Schema.Type.INT16);
        assertThat(converter("tinyint", true).schema().type()).isEqualTo(Schema.Type.INT16);
        assertThat(converter("smallint", false).schema().type()).isEqualTo(Schema.Type.INT16);
        assertThat(converter("smallint", true).schema().type()).isEqualTo(Schema.Type.INT32);
        assertThat(converter("mediumint", true).schema().type()).isEqualTo(Schema.Type.INT32);
        assertThat(converter("int", false).schema().type()).isEqualTo(Schema.Type.INT32);
        assertThat(converter("int", true).schema().type()).isEqualTo(Schema.Type.INT64);
        assertThat(converter("bigint", true).schema().name()).isEqualTo("org.apache.kafka.connect.data.Decimal");
        assertThat(converter("bigint", true).schema().parameters())
                .containsEntry("scale", "0").containsEntry("connect.decimal.precision", "20");
    }

    @Test
    void decimalsGetTheColumnsScale() {
        ColumnConverter decimal = ColumnConverters.forColumn(new ColumnDef("d",
                new ColumnType("decimal", false, 0, 10, 3, 0, null, List.of()), false));
        assertThat(decimal.fromBinlog(new BigDecimal("1.5"))).isEqualTo(new BigDecimal("1.500"));
        assertThat(decimal.schema().isOptional()).isFalse();
        assertThat(decimal.toJdbc(new BigDecimal("1.500"))).isEqualTo(new BigDecimal("1.500"));
    }

    @Test
    void floatsStayBitExactAndAreSelectedAsDouble() {
        ColumnConverter single = converter("float", false);
        assertThat(single.fromBinlog(Float.MAX_VALUE)).isEqualTo(Float.MAX_VALUE);
        assertThat(single.schema().type()).isEqualTo(Schema.Type.FLOAT32);
        assertThat(single.selectExpression("`f`")).isEqualTo("CAST(`f` AS DOUBLE)");
        assertThat(converter("double", false).selectExpression("`d`")).isEqualTo("`d`");
        assertThat(converter("double", false).fromBinlog(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void bitsAreLittleEndianBytesAndBit1IsBoolean() {
        ColumnConverter bit10 = ColumnConverters.forColumn(new ColumnDef("b",
                new ColumnType("bit", false, 10, 0, 0, 0, null, List.of()), true));
        BitSet bits = new BitSet();
        bits.set(0);
        bits.set(9);
        assertThat((byte[]) bit10.fromBinlog(bits)).containsExactly(0x01, 0x02);
        assertThat((byte[]) bit10.fromBinlog(new BitSet())).containsExactly(0, 0);
        assertThat(bit10.schema().parameters()).containsEntry("length", "10");
        assertThat(bit10.toJdbc(new byte[] {0x01, 0x02})).isEqualTo(new BigDecimal(513));
        ColumnConverter bit1 = ColumnConverters.forColumn(new ColumnDef("b",
                new ColumnType("bit", false, 1, 0, 0, 0, null, List.of()), true));
        assertThat(bit1.fromBinlog(bits)).isEqualTo(true);
        assertThat(bit1.schema().type()).isEqualTo(Schema.Type.BOOLEAN);
    }

    @Test
    void anUnknownTypeNamesTheColumn() {
        assertThatThrownBy(() -> converter("vector", false)).hasMessageContaining("Column c has type vector");
    }

    @Test
    void aWrongRawValueSaysWhatWasExpected() {
        assertThatThrownBy(() -> converter("int", false).fromBinlog("text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");
    }
}
