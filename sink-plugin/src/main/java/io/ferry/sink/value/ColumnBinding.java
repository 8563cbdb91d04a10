package io.ferry.sink.value;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** How one column's value is written: its SQL placeholder text and how to bind it. */
public interface ColumnBinding {
    /** SQL for this column's value in VALUES(...), SET and WHERE: "?" for most types. */
    String placeholder();

    /** Number of JDBC parameters placeholder() consumes. */
    int parameterCount();

    /** Binds connectValue (null allowed = SQL NULL) at index; returns the next free index. */
    int bind(PreparedStatement ps, int index, Object connectValue) throws SQLException;
}
