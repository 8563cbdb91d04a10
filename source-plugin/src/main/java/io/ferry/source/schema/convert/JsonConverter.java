package io.ferry.source.schema.convert;

import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * JSON as Debezium's {@code Json} string. MySQL stores JSON in a binary format that the binlog carries as is
 * and that {@link JsonBinary} prints compactly; its JDBC text has a space after {@code :} and {@code ,}, which
 * is removed so both paths agree. MariaDB's JSON is LONGTEXT (with a character set): its text is kept verbatim.
 */
final class JsonConverter extends AbstractConverter {

    private final boolean mysqlBinary;

    /** @param mysqlBinary true for MySQL's native JSON type, false for MariaDB's text JSON */
    JsonConverter(boolean mysqlBinary, boolean optional) {
        super(DebeziumSchemas.json(), optional);
        this.mysqlBinary = mysqlBinary;
    }

    @Override
    Object literalDefault(String literal) {
        return literal;
    }

    @Override
    Object readJdbc(ResultSet rs, int index) throws SQLException {
        String text = rs.getString(index);
        return text == null || !mysqlBinary ? text : compact(text);
    }

    @Override
    Object convertBinlog(Serializable raw) {
        byte[] bytes = (byte[]) raw;
        if (!mysqlBinary) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (bytes.length == 0) {
            // MySQL writes an empty value for a JSON column that was NULL-able but got no value.
            return optional() ? null : "{}";
        }
        try {
            return JsonBinary.parseAsString(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot decode MySQL binary JSON", e);
        }
    }

    /** JSON text without whitespace outside of strings. */
    static String compact(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
