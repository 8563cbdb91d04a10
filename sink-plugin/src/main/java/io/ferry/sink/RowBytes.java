package io.ferry.sink;

import java.nio.ByteBuffer;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/** An estimate of a change event's row data size, for the bytes-per-second throttle. */
final class RowBytes {

    private RowBytes() {
    }

    static long estimate(SinkRecord record) {
        if (!(record.value() instanceof Struct value) || value.schema().field("after") == null) {
            return 0;
        }
        Struct row = value.getWithoutDefault("after") instanceof Struct after ? after
                : (Struct) value.getWithoutDefault("before");
        return row == null ? 0 : size(row);
    }

    private static long size(Struct row) {
        long bytes = 0;
        for (Field field : row.schema().fields()) {
            Object v = row.getWithoutDefault(field.name());
            if (v instanceof String s) {
                bytes += s.length();
            } else if (v instanceof byte[] b) {
                bytes += b.length;
            } else if (v instanceof ByteBuffer b) {
                bytes += b.remaining();
            } else if (v instanceof Struct s) {
                bytes += size(s);
            } else if (v != null) {
                bytes += 8;
            }
        }
        return bytes;
    }
}
