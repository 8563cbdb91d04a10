package io.ferry.source.schema.convert;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/** Copies of field schemas with a default value; Connect schemas are immutable once built. */
final class FieldSchemas {

    private FieldSchemas() {
    }

    /** {@code schema} with {@code value} as its default; every other attribute kept. */
    static Schema withDefault(Schema schema, Object value) {
        SchemaBuilder builder = new SchemaBuilder(schema.type());
        if (schema.name() != null) {
            builder.name(schema.name());
        }
        if (schema.version() != null) {
            builder.version(schema.version());
        }
        if (schema.doc() != null) {
            builder.doc(schema.doc());
        }
        if (schema.parameters() != null) {
            builder.parameters(schema.parameters());
        }
        if (schema.isOptional()) {
            builder.optional();
        }
        // Validates the value against the type, e.g. a Decimal's scale.
        return builder.defaultValue(value).build();
    }
}
