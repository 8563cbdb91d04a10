package io.ferry.source.schema.convert;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * A converter that reads the server's own text of a temporal column (DATE, DATETIME, TIMESTAMP, TIME, YEAR).
 * Connector/J's typed getters and {@code getString} re-format these values: they lose the sign of TIME values
 * between -1 hour and 0, reject zero dates and present YEAR as a date. The column is selected as
 * {@code CAST(c AS CHAR)}, so the server prints it in both protocols: the text protocol, and the binary protocol
 * of server-side prepared statements, which {@code useCursorFetch=true} implies and which would otherwise send
 * the value's binary encoding.
 */
abstract class ServerTextConverter extends AbstractConverter {

    static final String EPOCH = "1970-01-01 00:00:00";

    ServerTextConverter(SchemaBuilder builder, boolean optional) {
        super(builder, optional);
    }

    @Override
    public final String selectExpression(String quotedColumn) {
        return "CAST(" + quotedColumn + " AS CHAR)";
    }

    @Override
    final Object readJdbc(ResultSet rs, int index) throws SQLException {
        byte[] bytes = rs.getBytes(index);
        return bytes == null ? null : fromServerText(new String(bytes, StandardCharsets.US_ASCII));
    }

    /**
     * A temporal DEFAULT is written as the server prints the type, so it converts like a value read as text;
     * a zero date becomes what a zero date in the column becomes (null, or the epoch when NOT NULL).
     */
    @Override
    Object literalDefault(String literal) {
        return fromServerText(literal);
    }

    /**
     * CURRENT_TIMESTAMP has no fixed value; Debezium's DDL parser stands the epoch in for it, and so does Ferry,
     * so that both emit the same field schemas.
     */
    @Override
    Object currentTimestampDefault() {
        return literalDefault(EPOCH);
    }

    /** The Connect value of the server's text of a non-null value, e.g. {@code -00:00:00.01} for a TIME(2). */
    abstract Object fromServerText(String text);
}
