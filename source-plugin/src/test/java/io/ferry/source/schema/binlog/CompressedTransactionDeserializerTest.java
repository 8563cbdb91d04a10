package io.ferry.source.schema.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MySQL 8's compressed transactions, which MariaDB cannot produce: a TRANSACTION_PAYLOAD event made by hand
 * that holds a TABLE_MAP and a WRITE_ROWS of one negative TIME value.
 */
class CompressedTransactionDeserializerTest {

    private static final int TABLE_ID = 42;

    @Test
    void innerRowsAreDecodedWithFerrysSettings() throws Exception {
        byte[] inner = concat(event(EventType.TABLE_MAP, tableMapBody()), event(EventType.EXT_WRITE_ROWS,
                writeRowsBody()));
        byte[] compressed = Zstd.compress(inner);
        byte[] payloadHeader = HexFormat.of().parseHex(
                "0201" + "00"                                    // compression type: zstd
                + "01" + "01" + hex(compressed.length)          // payload size
                + "03" + "01" + hex(inner.length)               // uncompressed size
                + "00");                                         // end of header
        byte[] outer = event(EventType.TRANSACTION_PAYLOAD, concat(payloadHeader, compressed));

        Event event = BinlogDeserialization.newEventDeserializer().nextEvent(new ByteArrayInputStream(outer));

        TransactionPayloadEventData payload = (TransactionPayloadEventData) event.getData();
        List<Event> events = payload.getUncompressedEvents();
        assertThat(events).hasSize(2);
        assertThat(((TableMapEventData) events.get(0).getData()).getTable()).isEqualTo("t");
        WriteRowsEventData rows = (WriteRowsEventData) events.get(1).getData();
        // The client's default decoding would drop the sign and return a java.sql.Time.
        assertThat(rows.getRows().get(0)[0]).isEqualTo(Duration.ofSeconds(-1));
    }

    /** Table 42 `d`.`t` with one NOT NULL TIME(0) column named c. */
    private static byte[] tableMapBody() {
        return HexFormat.of().parseHex(hex6(TABLE_ID) + "0000"   // table id, flags
                + "01" + "64" + "00"                             // database "d"
                + "01" + "74" + "00"                             // table "t"
                + "01" + "13"                                    // 1 column of type TIME2 (19)
                + "01" + "00"                                    // metadata: fsp 0
                + "00"                                           // nullability bitmap
                + "04" + "02" + "01" + "63");                    // optional metadata: column names ["c"]
    }

    /** One row: TIME2 fsp 0 value -00:00:01, stored as 0x800000 - 1. */
    private static byte[] writeRowsBody() {
        return HexFormat.of().parseHex(hex6(TABLE_ID) + "0000"   // table id, flags
                + "0200"                                         // extra data length (v2 events)
                + "01" + "01"                                    // 1 column, all present
                + "00" + "7fffff");                              // null bitmap, the value
    }

    /** A v4 event: 19-byte header (timestamp, type, server id, length, next position, flags), then the body. */
    private static byte[] event(EventType type, byte[] body) {
        int length = 19 + body.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeLe(out, 0, 4);
        out.write(code(type));
        writeLe(out, 1, 4);
        writeLe(out, length, 4);
        writeLe(out, 0, 4);
        writeLe(out, 0, 2);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static int code(EventType type) {
        return switch (type) {
            case TABLE_MAP -> 19;
            case EXT_WRITE_ROWS -> 30;
            case TRANSACTION_PAYLOAD -> 40;
            default -> throw new IllegalArgumentException(type.name());
        };
    }

    private static void writeLe(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >> (8 * i)) & 0xFF);
        }
    }

    private static String hex6(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeLe(out, value, 6);
        return HexFormat.of().formatHex(out.toByteArray());
    }

    private static String hex(int value) {
        if (value >= 251) {
            throw new IllegalArgumentException("the test packs lengths into one byte");
        }
        return String.format("%02x", value);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
