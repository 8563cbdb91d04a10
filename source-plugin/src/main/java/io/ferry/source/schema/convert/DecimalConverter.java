package io.ferry.source.schema.convert;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;

/** DECIMAL(p,s) as a Connect {@code Decimal} with scale s and Debezium's precision parameter. */
final class DecimalConverter extends AbstractConverter {

    private final int scale;

    DecimalConverter(int precision, int scale, boolean optional) {
        super(DebeziumSchemas.decimal(precision, scale), optional);
        this.scale = scale;
    }

    @Override
    Object readJdbc(ResultSet rs, int index) throws SQLException {
        BigDecimal value = rs.getBigDecimal(index);
        return value == null ? null : normalize(value);
    }

    @Override
    Object convertBinlog(Serializable raw) {
        return normalize((BigDecimal) raw);
    }

    /** MySQL rounds a DEFAULT to the column's scale when it stores it; rounding here only matters for MySQL 8. */
    @Override
    Object literalDefault(String literal) {
        return new BigDecimal(literal).setScale(scale, RoundingMode.HALF_UP);
    }

    /** Connect's Decimal requires the value's scale to equal the schema's; both paths can return fewer digits. */
    private BigDecimal normalize(BigDecimal value) {
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    @Override
    public Object toJdbc(Object connectValue) {
        return connectValue;
    }
}
