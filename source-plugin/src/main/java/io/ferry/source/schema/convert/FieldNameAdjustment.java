package io.ferry.source.schema.convert;

import io.ferry.common.AvroNames;
import java.util.Arrays;
import java.util.Locale;

/**
 * How column names become field names; the values of {@code field.name.adjustment.mode}, as Debezium names
 * the same choice. Avro rejects field names that start with a digit or hold {@code $}, {@code -}, spaces or
 * other punctuation, which MySQL allows in column names.
 */
public enum FieldNameAdjustment {
    /** Field names are the column names unchanged (fine for JSON; Avro fails on the names above). */
    NONE,
    /** Field names follow {@link AvroNames#adjust}; Ferry's sink maps them back to the columns. */
    AVRO;

    public String fieldName(String column) {
        return this == AVRO ? AvroNames.adjust(column) : column;
    }

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FieldNameAdjustment parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public static String[] configValues() {
        return Arrays.stream(values()).map(FieldNameAdjustment::configValue).toArray(String[]::new);
    }
}
