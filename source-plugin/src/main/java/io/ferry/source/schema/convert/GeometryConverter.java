package io.ferry.source.schema.convert;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.apache.kafka.connect.data.Struct;

/**
 * GEOMETRY and its subtypes as Debezium's {@code Geometry} struct. MySQL stores (and both paths return) a
 * 4-byte little-endian SRID followed by the WKB; the struct separates them. SRID 0 (no spatial reference
 * system, the default) becomes a null {@code srid}, as in Debezium's events.
 */
final class GeometryConverter extends AbstractConverter {

    GeometryConverter(boolean optional) {
        super(DebeziumSchemas.geometry(), optional);
    }

    @Override
    Object readJdbc(ResultSet rs, int index) throws SQLException {
        byte[] bytes = rs.getBytes(index);
        return bytes == null ? null : struct(bytes);
    }

    @Override
    Object convertBinlog(Serializable raw) {
        return struct((byte[]) raw);
    }

    private Struct struct(byte[] stored) {
        if (stored.length < 4) {
            throw new IllegalArgumentException("A geometry value needs a 4-byte SRID, got " + stored.length + " bytes");
        }
        int srid = ByteBuffer.wrap(stored, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return new Struct(schema())
                .put(DebeziumSchemas.WKB, Arrays.copyOfRange(stored, 4, stored.length))
                .put(DebeziumSchemas.SRID, srid == 0 ? null : srid);
    }
}
