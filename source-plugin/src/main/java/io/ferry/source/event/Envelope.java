package io.ferry.source.event;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * The Debezium change-event envelope of one table: {@code before}, {@code after}, {@code source}, {@code op},
 * {@code ts_ms}. {@code op} is {@code r} (snapshot read), {@code c}, {@code u} or {@code d}.
 */
public final class Envelope {

    public static final String OP_READ = "r";

    private final Schema schema;
    private final Schema rowSchema;

    /**
     * @param schemaName the envelope's name, {@code <prefix>.<db>.<table>.Envelope}
     * @param rowSchema  the table's row struct ({@code ...Value}); before and after are optional copies of it
     */
    public Envelope(String schemaName, Schema rowSchema) {
        if (!rowSchema.isOptional()) {
            throw new IllegalArgumentException("The row schema " + rowSchema.name() + " must be optional: it is"
                    + " absent in the before of inserts and the after of deletes");
        }
        this.rowSchema = rowSchema;
        Schema optionalRow = rowSchema;
        this.schema = SchemaBuilder.struct().name(schemaName).version(1)
                .field("before", optionalRow)
                .field("after", optionalRow)
                .field("source", SourceInfo.SCHEMA)
                .field("op", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                .build();
    }

    public Schema schema() {
        return schema;
    }

    public Schema rowSchema() {
        return rowSchema;
    }

    /** An event; {@code before}/{@code after} are structs of {@link #rowSchema()} or null. */
    public Struct event(String op, Struct before, Struct after, Struct source, long tsMs) {
        return new Struct(schema)
                .put("before", before)
                .put("after", after)
                .put("source", source)
                .put("op", op)
                .put("ts_ms", tsMs);
    }
}
