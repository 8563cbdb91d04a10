package io.ferry.sink.value;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** The JDBC setter a converted value goes through, and the SQL type its NULL is bound with. */
enum ParameterType {
    /** Text the server parses: strings, and temporal values (see {@link TemporalText}). */
    STRING(Types.VARCHAR) {
        @Override
        void set(PreparedStatement ps, int index, Object value) throws SQLException {
            ps.setString(index, (String) value);
        }
    },
    LONG(Types.BIGINT) {
        @Override
        void set(PreparedStatement ps, int index, Object value) throws SQLException {
            ps.setLong(index, (Long) value);
        }
    },
    /** FLOAT32 too, widened: the double's shortest text parses back to exactly the float's value. */
    DOUBLE(Types.DOUBLE) {
        @Override
        void set(PreparedStatement ps, int index, Object value) throws SQLException {
            ps.setDouble(index, (Double) value);
        }
    },
    DECIMAL(Types.DECIMAL) {
        @Override
        void set(PreparedStatement ps, int index, Object value) throws SQLException {
            ps.setBigDecimal(index, (BigDecimal) value);
        }
    },
    BYTES(Types.VARBINARY) {
        @Override
        void set(PreparedStatement ps, int index, Object value) throws SQLException {
            ps.setBytes(index, (byte[]) value);
        }
    };

    private final int sqlType;

    ParameterType(int sqlType) {
        this.sqlType = sqlType;
    }

    int sqlType() {
        return sqlType;
    }

    abstract void set(PreparedStatement ps, int index, Object value) throws SQLException;
}
