package io.ferry.source.schema.convert;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * BIGINT UNSIGNED as a Connect {@code Decimal} of scale 0 and precision 20, like Debezium's
 * {@code bigint.unsigned.handling.mode=precise}: values above {@link Long#MAX_VALUE} do not overflow.
 */
final class UnsignedBigintConverter extends AbstractConverter {

    UnsignedBigintConverter(boolean optional) {
        super(DebeziumSchemas.decimal(20, 0), optional);
    }

    @Override
    Object readJdbc(ResultSet rs, int index) throws SQLException {
        String text = rs.getString(index);
        return text == null ? null : new BigDecimal(text);
    }

    @Override
    Object convertBinlog(Serializable raw) {
        // The binlog client returns the 8 bytes as a signed long: reinterpret them as unsigned.
        return new BigDecimal(new BigInteger(Long.toUnsignedString(((Number) raw).longValue())));
    }

    @Override
    Object literalDefault(String literal) {
        return new BigDecimal(literal).setScale(0, RoundingMode.HALF_UP);
    }

    @Override
    public Object toJdbc(Object connectValue) {
        return connectValue;
    }
}
