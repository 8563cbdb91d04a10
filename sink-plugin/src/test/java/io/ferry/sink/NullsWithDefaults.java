package io.ferry.sink;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * Test fixture: a row schema as Debezium writes it for {@code (id INT PRIMARY KEY, n INT DEFAULT 7,
 * s VARCHAR(20) DEFAULT 'the default')} — defaults also on the nullable fields — and a row holding NULL in both,
 * for which {@code Struct.get} would answer the defaults.
 */
public final class NullsWithDefaults {

    public static final Schema ROW = SchemaBuilder.struct().name("t.shop.defaults.Value").optional()
            .field("id", Schema.INT32_SCHEMA)
            .field("n", SchemaBuilder.int32().optional().defaultValue(7).build())
            .field("s", SchemaBuilder.string().optional().defaultValue("the default").build())
            .build();

    private NullsWithDefaults() {
    }

    /** A row whose {@code n} and {@code s} are NULL. */
    public static Struct nullRow(int id) {
        Struct row = new Struct(ROW).put("id", id).put("n", null).put("s", null);
        row.validate();
        return row;
    }
}
