package io.ferry.source.schema.convert;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.BitSet;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * BIT(1) as BOOLEAN and BIT(n) as Debezium's {@code Bits}: {@code ceil(n/8)} bytes in little-endian order
 * (byte 0 holds bits 0-7). JDBC returns the bits big-endian, the binlog client as a {@link BitSet}.
 */
final class BitConverter extends AbstractConverter {

    private final int length;
    private final int bytes;

    BitConverter(long length, boolean optional) {
        super(length == 1 ? SchemaBuilder.bool() : DebeziumSchemas.bits(length), optional);
        this.length = (int) length;
        this.bytes = (this.length + 7) / 8;
    }

    @Override
    Object readJdbc(ResultSet rs, int index) throws SQLException {
        byte[] bigEndian = rs.getBytes(index);
        return bigEndian == null ? null : fromBigEndian(bigEndian);
    }

    private Object fromBigEndian(byte[] bigEndian) {
        byte[] littleEndian = new byte[bytes];
        for (int i = 0; i < bigEndian.length && i < bytes; i++) {
            littleEndian[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return value(littleEndian);
    }

    @Override
    Object convertBinlog(Serializable raw) {
        return value(Arrays.copyOf(((BitSet) raw).toByteArray(), bytes));
    }

    /** The digits of {@code b'...'}, most significant first, as the bytes the JDBC path reads. */
    @Override
    Object bitsDefault(String digits) {
        BigInteger bits = digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 2);
        return fromBigEndian(bits.toByteArray());
    }

    /** MySQL 8 may print a BIT default as a number. */
    @Override
    Object literalDefault(String literal) {
        return fromBigEndian(new BigInteger(literal).toByteArray());
    }

    private Object value(byte[] littleEndian) {
        return length == 1 ? (Object) (littleEndian[0] != 0) : littleEndian;
    }

    @Override
    public Object toJdbc(Object connectValue) {
        if (connectValue instanceof Boolean bit) {
            return bit ? 1 : 0;
        }
        byte[] littleEndian = (byte[]) connectValue;
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        // A number compares with a BIT column by value; a byte string would compare as a binary string.
        return new BigDecimal(new BigInteger(1, bigEndian));
    }
}
