package io.ferry.source.throttle;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * An estimate of a record's size in bytes for the bytes-per-second limits: the sizes of its values (text by
 * length, bytes by count, numbers by width), not of any serialized form, which depends on the converter.
 */
public final class RecordSize {

    private RecordSize() {
    }

    public static long of(List<SourceRecord> records) {
        long total = 0;
        for (SourceRecord record : records) {
            total += value(record.key()) + value(record.value());
        }
        return total;
    }

    static long value(Object value) {
        if (value == null) {
            return 0;
        } else if (value instanceof Struct struct) {
            long size = 0;
            for (Field field : struct.schema().fields()) {
                size += value(struct.get(field));
            }
            return size;
        } else if (value instanceof String text) {
            return text.length();
        } else if (value instanceof byte[] bytes) {
            return bytes.length;
        } else if (value instanceof ByteBuffer buffer) {
            return buffer.remaining();
        } else if (value instanceof BigDecimal decimal) {
            return decimal.unscaledValue().bitLength() / 8 + 1;
        }
        return 8;
    }
}
