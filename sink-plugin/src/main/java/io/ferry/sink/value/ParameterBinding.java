package io.ferry.sink.value;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * A column written through one {@code ?}: the Connect value is converted to a plain JDBC value (text, long,
 * double, BigDecimal or bytes) that Connector/J sends as a literal the server parses exactly.
 */
final class ParameterBinding implements ColumnBinding {

    private static final int MAX_SHOWN_CHARS = 200;

    private final Schema schema;
    private final ParameterType type;
    private final Function<Object, ?> conversion;

    ParameterBinding(Schema schema, ParameterType type, Function<Object, ?> conversion) {
        this.schema = schema;
        this.type = type;
        this.conversion = conversion;
    }

    @Override
    public String placeholder() {
        return "?";
    }

    @Override
    public int parameterCount() {
        return 1;
    }

    @Override
    public int bind(PreparedStatement ps, int index, Object connectValue) throws SQLException {
        if (connectValue == null) {
            ps.setNull(index, type.sqlType());
        } else {
            type.set(ps, index, jdbcValue(connectValue));
        }
        return index + 1;
    }

    /** The value handed to JDBC for a non-null Connect value. */
    Object jdbcValue(Object connectValue) {
        try {
            return conversion.apply(connectValue);
        } catch (RuntimeException e) {
            // Wrong Java class (ClassCastException), out of range (IllegalArgumentException, DateTimeException)...
            throw new DataException("Cannot write the value " + show(connectValue) + " of the field schema "
                    + describe(schema) + " to MySQL: " + e.getMessage(), e);
        }
    }

    ParameterType type() {
        return type;
    }

    static String describe(Schema schema) {
        String name = schema.name() == null ? "" : schema.name() + " ";
        return name + "(" + schema.type() + (schema.parameters() == null ? "" : " " + schema.parameters()) + ")";
    }

    private static String show(Object value) {
        String text;
        if (value instanceof byte[] bytes) {
            text = "0x" + HexFormat.of().formatHex(bytes);
        } else if (value instanceof ByteBuffer buffer) {
            text = "0x" + HexFormat.of().formatHex(ConnectBytes.toArray(buffer));
        } else {
            text = "'" + value + "' (" + value.getClass().getSimpleName() + ")";
        }
        return text.length() <= MAX_SHOWN_CHARS ? text : text.substring(0, MAX_SHOWN_CHARS) + "...";
    }
}
