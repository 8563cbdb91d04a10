package io.ferry.source.schema.convert;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/** Copies of field schemas with a default value or a doc; Connect schemas are immutable once built. */
final class FieldSchemas {

    private FieldSchemas() {
    }

    /** {@code schema} with {@code value} as its default; every other attribute kept. */
    static Schema withDefault(Schema schema, Object value) {
        return copy(schema, schema.doc(), value);
    }

    /** {@code schema} with {@code doc}; every other attribute kept. */
    static Schema withDoc(Schema schema, String doc) {
        return copy(schema, doc, schema.defaultValue());
    }

    private static Schema copy(Schema schema, String doc, Object defaultValue) {
        SchemaBuilder builder = new SchemaBuilder(schema.type());
        if (schema.name() != null) {
            builder.name(schema.name());
        }
        if (schema.version() != null) {
            builder.version(schema.version());
        }
        if (doc != null) {
            builder.doc(doc);
        }
        if (schema.parameters() != null) {
            builder.parameters(schema.parameters());
        }
        if (schema.isOptional()) {
            builder.optional();
        }
        if (defaultValue != null) {
            // Validates the value against the type, e.g. a Decimal's scale.
            builder.defaultValue(defaultValue);
        }
        return builder.build();
    }
}
