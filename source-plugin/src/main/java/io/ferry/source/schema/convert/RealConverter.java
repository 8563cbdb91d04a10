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

    @Override
    Object readJdbc(ResultSet rs, int index) throws SQLException {
        return single ? (Object) rs.getFloat(index) : (Object) rs.getDouble(index);
    }

    @Override
    Object convertBinlog(Serializable raw) {
        Number number = (Number) raw;
        return single ? (Object) number.floatValue() : (Object) number.doubleValue();
    }

    @Override
    public Object toJdbc(Object connectValue) {
        return connectValue;
    }
}
