package io.ferry.source.schema.convert;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * SET as Debezium's {@code EnumSet} string: the members in definition order, comma-separated, as MySQL
 * prints them. The binlog holds a bit mask, bit i standing for the i-th value.
 */
final class SetConverter extends AbstractConverter {

    private final List<String> values;

    SetConverter(List<String> values, boolean optional) {
        super(DebeziumSchemas.enumSet(values), optional);
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
        long mask = ((Number) raw).longValue();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.size() && i < Long.SIZE; i++) {
            if ((mask & (1L << i)) != 0) {
                if (text.length() > 0) {
                    text.append(',');
                }
                text.append(values.get(i));
            }
        }
        return text.toString();
    }

    @Override
    public Object toJdbc(Object connectValue) {
        return connectValue;
    }
}
