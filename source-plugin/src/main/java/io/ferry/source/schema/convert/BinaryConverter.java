package io.ferry.source.schema.convert;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * BINARY, VARBINARY and BLOB as BYTES. The binlog drops the trailing 0x00 padding of BINARY(n) values that
 * JDBC returns, so fixed-length values are padded back to n bytes (as Debezium does).
 */
final class BinaryConverter extends AbstractConverter {

    private final int fixedLength;

    /** @param fixedLength n for BINARY(n), 0 for variable-length types */
    BinaryConverter(int fixedLength, boolean optional) {
        super(SchemaBuilder.bytes(), optional);
        this.fixedLength = fixedLength;
    }

    @Override
    Object readJdbc(ResultSet rs, int index) throws SQLException {
        byte[] bytes = rs.getBytes(index);
        return bytes == null ? null : pad(bytes);
    }

    @Override
    Object convertBinlog(Serializable raw) {
        return pad((byte[]) raw);
    }

    /** The literal's characters as UTF-8, the encoding of information_schema's text. */
    @Override
    Object literalDefault(String literal) {
        return pad(literal.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] pad(byte[] bytes) {
        return bytes.length < fixedLength ? Arrays.copyOf(bytes, fixedLength) : bytes;
    }

    @Override
    public Object toJdbc(Object connectValue) {
        return connectValue;
    }
}
