package io.ferry.sink.json;

/** For integration tests in other packages: how many records this JVM's StreamingJsonConverters read, and how. */
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
}
