package io.ferry.source.schema.convert;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;

/** YEAR as Debezium's {@code Year}: the year number, 0 for MySQL's year 0000. */
final class YearConverter extends AbstractConverter {

    YearConverter(boolean optional) {
        super(DebeziumSchemas.year(), optional);
    }

    @Override
    Object readJdbc(ResultSet rs, int index) throws SQLException {
        // The server prints YEAR as four digits; Connector/J would present it as a date.
        String text = Temporals.serverText(rs, index);
        return text == null ? null : Integer.parseInt(text.substring(0, 4));
    }

    @Override
    Object convertBinlog(Serializable raw) {
        return ((Number) raw).intValue();
    }

    @Override
    public Object toJdbc(Object connectValue) {
        return connectValue;
    }
}
