package io.ferry.source.schema.binlog;

import com.github.luben.zstd.ZstdInputStream;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.function.Supplier;

/**
 * MySQL 8's TRANSACTION_PAYLOAD event ({@code binlog_transaction_compression=ON}): a zstd-compressed run of
 * ordinary events. The binlog client decodes the inner events with a default {@link EventDeserializer},
 * which would bypass Ferry's row decoding; this one decodes them with a deserializer configured like the outer
 * one. The caller still has to unwrap {@link TransactionPayloadEventData#getUncompressedEvents()}.
 */
final class CompressedTransactionDeserializer implements EventDataDeserializer<TransactionPayloadEventData> {

    private static final int END_OF_HEADER = 0;
    private static final int PAYLOAD_SIZE = 1;
    private static final int COMPRESSION_TYPE = 2;
    private static final int UNCOMPRESSED_SIZE = 3;
    /** The only algorithm MySQL implements; 255 would be "none". */
    private static final int ZSTD = 0;

    private final Supplier<EventDeserializer> innerDeserializer;

    CompressedTransactionDeserializer(Supplier<EventDeserializer> innerDeserializer) {
        this.innerDeserializer = innerDeserializer;
    }

    @Override
    public TransactionPayloadEventData deserialize(ByteArrayInputStream in) throws IOException {
        TransactionPayloadEventData data = new TransactionPayloadEventData();
        // Header: (type, length, value) fields with packed integers, ended by type 0.
        while (in.available() > 0) {
            int type = in.readPackedInteger();
            if (type == END_OF_HEADER) {
                break;
            }
            int length = in.readPackedInteger();
            switch (type) {
                case PAYLOAD_SIZE -> data.setPayloadSize(in.readPackedInteger());
                case COMPRESSION_TYPE -> data.setCompressionType(in.readPackedInteger());
                case UNCOMPRESSED_SIZE -> data.setUncompressedSize(in.readPackedLong());
                default -> in.read(length);
            }
        }
        if (data.getCompressionType() != ZSTD) {
            throw new IOException("Unsupported binlog transaction compression type " + data.getCompressionType());
        }
        data.setPayload(in.read(data.getPayloadSize()));
        data.setUncompressedEvents(decompress(data.getPayload()));
        return data;
    }

    private ArrayList<Event> decompress(byte[] payload) throws IOException {
        EventDeserializer deserializer = innerDeserializer.get();
        ArrayList<Event> events = new ArrayList<>();
        try (ZstdInputStream zstd = new ZstdInputStream(new java.io.ByteArrayInputStream(payload))) {
            ByteArrayInputStream in = new ByteArrayInputStream(zstd);
            for (Event event = deserializer.nextEvent(in); event != null; event = deserializer.nextEvent(in)) {
                events.add(event);
            }
        }
        return events;
    }
}
