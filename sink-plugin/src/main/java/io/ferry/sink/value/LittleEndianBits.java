package io.ferry.sink.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * BIT(n) values as Debezium's {@code Bits} carries them: {@code ceil(n/8)} bytes, least significant byte first
 * (byte 0 holds bits 0-7). MySQL's BIT value is the unsigned number those bits make, bound as a number: a number
 * is stored and compared with a BIT column by value, whereas a byte string would compare as a binary string.
 */
final class LittleEndianBits {

    private LittleEndianBits() {
    }

    /**
     * The unsigned number of {@code littleEndian}, e.g. {@code [0x01, 0x02]} is 513 ({@code b'1000000001'}).
     *
     * @param length the column's bit count n, or 0 when unknown; a number needing more bits fails
     */
    static BigDecimal toNumber(byte[] littleEndian, int length) {
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        BigInteger number = new BigInteger(1, bigEndian);
        if (length > 0 && number.bitLength() > length) {
            throw new IllegalArgumentException("the value needs " + number.bitLength() + " bits, BIT(" + length
                    + ") holds " + length);
        }
        return new BigDecimal(number);
    }
}
