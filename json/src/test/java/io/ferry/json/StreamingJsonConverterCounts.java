package io.ferry.json;

/**
 * For integration tests in other packages: how many records this JVM's StreamingJsonConverters read and wrote, and
 * how.
 */
public final class StreamingJsonConverterCounts {

    private StreamingJsonConverterCounts() {
    }

    /** Records read on the fast path. */
    public static long streamed() {
        return StreamingJsonConverter.streamedRecords();
    }

    /** Records handed to Kafka's JsonConverter. */
    public static long fellBack() {
        return StreamingJsonConverter.fallbackRecords();
    }

    /** Records written on the fast path. */
    public static long written() {
        return StreamingJsonConverter.writtenRecords();
    }

    /** Records whose writing was handed to Kafka's JsonConverter. */
    public static long writeFellBack() {
        return StreamingJsonConverter.writeFallbackRecords();
    }
}
