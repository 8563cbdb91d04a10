package io.ferry.sink.value;

import java.nio.ByteBuffer;

/** Connect's BYTES values: {@code byte[]}, or a {@link ByteBuffer} where a converter or SMT produced one. */
final class ConnectBytes {

    private ConnectBytes() {
    }

    static byte[] toArray(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        ByteBuffer buffer = ((ByteBuffer) value).slice();
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.remaining() == buffer.array().length) {
            return buffer.array();
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        return copy;
    }
}
