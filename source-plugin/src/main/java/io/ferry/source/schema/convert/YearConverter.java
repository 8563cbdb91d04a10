package io.ferry.source.schema.convert;

import java.io.Serializable;

/** YEAR as Debezium's {@code Year}: the year number, 0 for MySQL's year 0000. */
final class YearConverter extends ServerTextConverter {

    YearConverter(boolean optional) {
        super(DebeziumSchemas.year(), optional);
    }

    @Override
    Object fromServerText(String text) {
        // Four digits; year 0000 is 0.
        return Integer.parseInt(text.substring(0, 4));
    }

    /** A YEAR has no CURRENT_TIMESTAMP. */
    @Override
    Object currentTimestampDefault() {
        return null;
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
