package io.ferry.source.schema.convert;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * ENUM as Debezium's {@code Enum} string, with the allowed values as a schema parameter. The binlog holds the
 * value's 1-based index; index 0 is the empty string MySQL stores for an invalid value in non-strict mode.
 */
final class EnumConverter extends AbstractConverter {

    private final List<String> values;

    EnumConverter(List<String> values, boolean optional) {
        super(DebeziumSchemas.enumeration(values), optional);
        this.values = List.copyOf(values);
    }

    @Override
    Object literalDefault(String literal) {
        return literal;
    }

    @Override
    Object readJdbc(ResultSet rs, int index) throws SQLException {
        return rs.getString(index);
    }

    @Override
    Object convertBinlog(Serializable raw) {
        int position = ((Number) raw).intValue();
        if (position == 0) {
            return "";
        }
        if (position > values.size()) {
            throw new IllegalArgumentException("ENUM index " + position + " outside of " + values);
        }
        return values.get(position - 1);
    }

    @Override
    public Object toJdbc(Object connectValue) {
        return connectValue;
    }
}
