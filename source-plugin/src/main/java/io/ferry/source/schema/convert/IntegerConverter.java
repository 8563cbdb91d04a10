package io.ferry.source.schema.convert;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * TINYINT to BIGINT, signed or unsigned, except BIGINT UNSIGNED ({@link UnsignedBigintConverter}). Like
 * Debezium, each type gets the smallest Connect integer that holds its whole range: TINYINT is INT16 (Connect
 * INT8 would not hold TINYINT UNSIGNED), SMALLINT UNSIGNED and MEDIUMINT are INT32, INT UNSIGNED is INT64.
 */
final class IntegerConverter extends AbstractConverter {

    private final long unsignedMask;

    /**
     * @param bits      the MySQL type's width: 8, 16, 24, 32 or 64
     * @param unsigned  whether the column is UNSIGNED; the binlog client decodes every integer as signed
     */
    IntegerConverter(int bits, boolean unsigned, boolean optional) {
        super(builder(bits, unsigned), optional);
        this.unsignedMask = unsigned && bits < 64 ? (1L << bits) - 1 : -1L;
    }

    private static SchemaBuilder builder(int bits, boolean unsigned) {
        int needed = unsigned ? bits + 1 : bits;
        if (needed <= 16) {
            return SchemaBuilder.int16();
        }
        return needed <= 32 ? SchemaBuilder.int32() : SchemaBuilder.int64();
    }

    @Override
    Object readJdbc(ResultSet rs, int index) throws SQLException {
        return narrow(rs.getLong(index));
    }

    @Override
    Object convertBinlog(Serializable raw) {
        return narrow(((Number) raw).longValue() & unsignedMask);
    }

    @Override
    Object literalDefault(String literal) {
        return narrow(new BigDecimal(literal).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private Object narrow(long value) {
        Schema.Type type = schema().type();
        if (type == Schema.Type.INT16) {
            return (short) value;
        }
        return type == Schema.Type.INT32 ? (Object) (int) value : (Object) value;
    }

    @Override
    public Object toJdbc(Object connectValue) {
        return ((Number) connectValue).longValue();
    }
}
