package io.ferry.source.schema.convert;

import io.ferry.source.schema.MySqlDateTime;
import java.io.Serializable;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * A DATE or DATETIME converter: the snapshot's server text and the binlog's decoded value are both a
 * {@link MySqlDateTime} (zero dates included), so each mode's mapping is written once, in {@link #convert}.
 */
abstract class CalendarTextConverter extends ServerTextConverter {

    CalendarTextConverter(SchemaBuilder builder, boolean optional) {
        super(builder, optional);
    }

    @Override
    final Object fromServerText(String text) {
        return convert(MySqlDateTime.parse(text));
    }

    @Override
    final Object convertBinlog(Serializable raw) {
        return convert((MySqlDateTime) raw);
    }

    /** The Connect value of a non-null DATE or DATETIME value, possibly a zero date. */
    abstract Object convert(MySqlDateTime value);
}
