package io.ferry.source.snapshot;

import io.ferry.source.schema.TableDef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Moves one key column's values between JDBC and the Connect-level values that key tuples hold. The
 * snapshot needs only this much of the column converters, so it does not depend on how they are built; the
 * converters are adapted to it where the task is wired together.
 */
public interface KeyColumnCodec {

    /** Reads the Connect-level value of the column at {@code index} (1-based) of the current row. */
    Object read(ResultSet rs, int index) throws SQLException;

    /** Binds a Connect-level value as parameter {@code index} (1-based). */
    void bind(PreparedStatement ps, int index, Object value) throws SQLException;

    /** A codec that passes values through {@code getObject}/{@code setObject} (floats bound exactly). */
    KeyColumnCodec JDBC = new KeyColumnCodec() {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            return rs.getObject(index);
        }

        @Override
        public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
            if (value instanceof Float single) {
                // The driver would write 1.3f as the literal 1.3, which the server compares as a double
                // unequal to the stored FLOAT; the float's exact double value compares equal.
                ps.setDouble(index, single.doubleValue());
            } else {
                ps.setObject(index, value);
            }
        }
    };

    /** {@link #JDBC} for every key column of {@code table}. */
    static List<KeyColumnCodec> jdbc(TableDef table) {
        return Collections.nCopies(table.keyColumns().size(), JDBC);
    }
}
