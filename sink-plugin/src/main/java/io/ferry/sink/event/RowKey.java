package io.ferry.sink.event;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.connect.data.Struct;

/**
 * The key column values of a row, comparable by value (byte arrays by content), so that changes to one row
 * in a batch can be collapsed. Two keys equal here may still differ on the server only by collation (e.g.
 * 'a' and 'A' under a case-insensitive key): the writer's conflict handling covers that case.
 */
public final class RowKey {

    private final List<Object> values;

    private RowKey(List<Object> values) {
        this.values = values;
    }

    public static RowKey of(List<String> fields, Struct row) {
        List<Object> values = new ArrayList<>(fields.size());
        for (String field : fields) {
            Object value = row.getWithoutDefault(field);
            values.add(value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value);
        }
        return new RowKey(Collections.unmodifiableList(values));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowKey key && key.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
