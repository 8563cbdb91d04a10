package io.ferry.sink.event;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/** Test fixture: change-event records shaped like Ferry's and Debezium's, for table shop.items (id, v). */
public final class ChangeEvents {

    public static final Schema KEY = SchemaBuilder.struct().name("t.shop.items.Key")
            .field("id", Schema.INT32_SCHEMA).build();
    public static final Schema ROW = SchemaBuilder.struct().name("t.shop.items.Value").optional()
            .field("id", Schema.INT32_SCHEMA).field("v", Schema.OPTIONAL_STRING_SCHEMA).build();
    static final Schema SOURCE = SchemaBuilder.struct().name("source")
            .field("db", Schema.STRING_SCHEMA).field("table", Schema.OPTIONAL_STRING_SCHEMA).build();
    public static final Schema ENVELOPE = SchemaBuilder.struct().name("t.shop.items.Envelope")
            .field("before", ROW).field("after", ROW).field("source", SOURCE).field("op", Schema.STRING_SCHEMA)
            .build();

    private static long offset;

    private ChangeEvents() {
    }

    public static Struct row(int id, String v) {
        return new Struct(ROW).put("id", id).put("v", v);
    }

    /** A record of op {@code op} with these images; the key comes from the after image, else the before. */
    public static SinkRecord record(String op, Struct before, Struct after) {
        Struct source = new Struct(SOURCE).put("db", "shop").put("table", "items");
        Struct value = new Struct(ENVELOPE).put("before", before).put("after", after).put("source", source)
                .put("op", op);
        Struct image = after != null ? after : before;
        Struct key = new Struct(KEY).put("id", image.getInt32("id"));
        return new SinkRecord("t.shop.items", 0, KEY, key, ENVELOPE, value, offset++);
    }

    public static RowChange change(String op, Struct before, Struct after) {
        return (RowChange) new EventReader(null).read(record(op, before, after));
    }
}
