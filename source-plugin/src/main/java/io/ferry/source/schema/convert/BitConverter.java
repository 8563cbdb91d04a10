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
        if (bigEndian == null) {
            return null;
        }
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
