package io.ferry.json;

import java.math.BigDecimal;
import java.util.Random;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/** Debezium-shaped change events of a table {@code shop.orders}: what Ferry's source writes and its sink reads. */
final class OrdersEvents {

    static final Schema ROW = SchemaBuilder.struct().name("db.shop.orders.Value")
            .field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("price", Decimal.builder(2).optional().parameter("connect.decimal.precision", "10").build())
            .field("created", SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").version(1).build())
            .field("updated", SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").optional().build())
            .field("doc", SchemaBuilder.string().name("io.debezium.data.Json").optional().build())
            .field("blob", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("flag", SchemaBuilder.int16().optional().defaultValue((short) 1).build())
            .optional().build();
    static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.mysql.Source")
            .field("version", Schema.STRING_SCHEMA).field("connector", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("snapshot", SchemaBuilder.string().optional().defaultValue("false").build())
            .field("db", Schema.STRING_SCHEMA).field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .field("file", Schema.STRING_SCHEMA).field("pos", Schema.INT64_SCHEMA).build();
    static final Schema ENVELOPE = SchemaBuilder.struct().name("db.shop.orders.Envelope").version(2)
            .field("before", ROW).field("after", ROW).field("source", SOURCE)
            .field("op", Schema.STRING_SCHEMA).field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA).build();
    static final Schema KEY = SchemaBuilder.struct().name("db.shop.orders.Key").field("id", Schema.INT64_SCHEMA)
            .build();

    private OrdersEvents() {
    }

    /** The i-th event: a create, an update or a delete, in turn. */
    static Struct value(int i, Random random) {
        Struct before = i % 3 == 0 ? null : row(i, random);
        Struct after = i % 3 == 2 ? null : row(i + 1, random);
        return new Struct(ENVELOPE).put("before", before).put("after", after)
                .put("source", new Struct(SOURCE).put("version", "3.6.1").put("connector", "mysql")
                        .put("ts_ms", 1_700_000_000_000L + i).put("snapshot", i < 100 ? "true" : null)
                        .put("db", "shop").put("table", "orders").put("file", "binlog.000003")
                        .put("pos", 4L + i))
                .put("op", before == null ? "c" : after == null ? "d" : "u")
                .put("ts_ms", i % 7 == 0 ? null : 1_700_000_000_500L + i);
    }

    static Struct key(int i) {
        return new Struct(KEY).put("id", (long) i);
    }

    private static Struct row(int id, Random random) {
        return new Struct(ROW).put("id", (long) id)
                .put("name", random.nextInt(5) == 0 ? null : "name \"" + id + "\" \u00e9\u4e2d\n")
                .put("price", random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(1_000_000), 2))
                .put("created", 1_700_000_000_123_456L + id)
                .put("updated", random.nextBoolean() ? null : 1_700_000_100_000_001L + id)
                .put("doc", random.nextBoolean() ? null : "{\"a\": [1, 2, {\"b\": null}], \"c\": \"\\u0001\"}")
                .put("blob", random.nextBoolean() ? null : StreamingJsonConverterTest.randomBytes(random))
                .put("flag", random.nextBoolean() ? null : (short) random.nextInt(100));
    }
}
