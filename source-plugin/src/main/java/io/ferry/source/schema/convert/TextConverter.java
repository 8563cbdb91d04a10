package io.ferry.source.schema.convert;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * CHAR, VARCHAR and TEXT as STRING. The binlog carries the column's bytes, decoded here with the column's
 * character set exactly as Connector/J decodes it on the snapshot path.
 */
final class TextConverter extends AbstractConverter {

    private final Charset charset;

    TextConverter(Charset charset, boolean optional) {
        this(SchemaBuilder.string(), charset, optional);
    }

    TextConverter(SchemaBuilder builder, Charset charset, boolean optional) {
        super(builder, optional);
        this.charset = charset;
    }

    @Override
    Object readJdbc(ResultSet rs, int index) throws SQLException {
        return rs.getString(index);
    }

    @Override
    Object convertBinlog(Serializable raw) {
        return raw instanceof byte[] bytes ? new String(bytes, charset) : raw.toString();
    }

    @Override
    Object literalDefault(String literal) {
        return literal;
    }

    @Override
    public Object toJdbc(Object connectValue) {
        return connectValue;
    }
}
