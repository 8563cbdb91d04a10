package io.ferry.source.schema.convert;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.kafka.connect.data.SchemaBuilder;

/** FLOAT as FLOAT32 and DOUBLE as FLOAT64, bit for bit as the server stores them. */
final class RealConverter extends AbstractConverter {

    private final boolean single;

    RealConverter(boolean single, boolean optional) {
        super(single ? SchemaBuilder.float32() : SchemaBuilder.float64(), optional);
        this.single = single;
    }

    /**
     * The text protocol prints FLOAT rounded to 6 significant digits (3.4028235E38 as 3.40282e38), losing bits;
     * as DOUBLE it is printed exactly, and narrowing the double back to float gives the stored bits.
     */
    @Override
    public String selectExpression(String quotedColumn) {
        return single ? "CAST(" + quotedColumn + " AS DOUBLE)" : quotedColumn;
    }

    @Override
    Object readJdbc(ResultSet rs, int index) throws SQLException {
        double value = rs.getDouble(index);
        return single ? (Object) (float) value : (Object) value;
    }

    @Override
    Object convertBinlog(Serializable raw) {
        Number number = (Number) raw;
        return single ? (Object) number.floatValue() : (Object) number.doubleValue();
    }

    @Override
    Object literalDefault(String literal) {
        double value = Double.parseDouble(literal);
        return single ? (Object) (float) value : (Object) value;
    }

    @Override
    public Object toJdbc(Object connectValue) {
        return connectValue;
    }
}
