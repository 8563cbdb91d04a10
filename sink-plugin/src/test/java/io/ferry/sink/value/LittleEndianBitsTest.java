package io.ferry.sink.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LittleEndianBitsTest {

    @Test
    void byteZeroHoldsTheLowestBits() {
        // BIT(10) b'1000000001' is emitted as [0x01, 0x02] (docs/type-mapping.md).
        assertThat(LittleEndianBits.toNumber(new byte[] {0x01, 0x02}, 10)).isEqualTo(new BigDecimal(513));
        assertThat(LittleEndianBits.toNumber(new byte[] {(byte) 0xFF, 0x03}, 10)).isEqualTo(new BigDecimal(1023));
        assertThat(LittleEndianBits.toNumber(new byte[] {0x00, 0x01}, 16)).isEqualTo(new BigDecimal(256));
        assertThat(LittleEndianBits.toNumber(new byte[] {0x01}, 1)).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void sixtyFourBitsAreUnsigned() {
        byte[] allOnes = {-1, -1, -1, -1, -1, -1, -1, -1};
        assertThat(LittleEndianBits.toNumber(allOnes, 64)).isEqualTo(new BigDecimal("18446744073709551615"));
        byte[] highBit = {0, 0, 0, 0, 0, 0, 0, (byte) 0x80};
        assertThat(LittleEndianBits.toNumber(highBit, 64)).isEqualTo(new BigDecimal("9223372036854775808"));
    }

    @Test
    void emptyAndZeroBytesAreZero() {
        assertThat(LittleEndianBits.toNumber(new byte[0], 0)).isEqualTo(BigDecimal.ZERO);
        assertThat(LittleEndianBits.toNumber(new byte[] {0, 0}, 10)).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void aValueWiderThanTheColumnFails() {
        assertThatThrownBy(() -> LittleEndianBits.toNumber(new byte[] {0x00, 0x04}, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11 bits, BIT(10)");
        // Unknown length: no check.
        assertThat(LittleEndianBits.toNumber(new byte[] {0x00, 0x04}, 0)).isEqualTo(new BigDecimal(1024));
    }
}
