package io.ferry.sink.value;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How one column's value is written to the destination: the SQL text that stands for the value in
 * {@code VALUES (...)}, {@code SET} and {@code WHERE}, and how a Connect value is bound to the parameters that
 * text holds. A binding depends only on the field's Connect schema ({@link ColumnBindings#forSchema}), is
 * immutable and thread-safe, so callers choose it once per schema and reuse it for every record.
 */
public interface ColumnBinding {

    /** SQL for this column's value, with {@link #parameterCount()} JDBC parameters, e.g. {@code ?}. */
    String placeholder();

    /** Number of JDBC parameters {@link #placeholder()} consumes. */
    int parameterCount();

    /**
     * Binds {@code connectValue} (null binds SQL NULL) at {@code index} and returns the next free index.
     *
     * @throws org.apache.kafka.connect.errors.DataException if the value cannot be written exactly (e.g. a TIME
     *                                                       beyond 838:59:59), naming the schema and the value
     */
    int bind(PreparedStatement ps, int index, Object connectValue) throws SQLException;
}
