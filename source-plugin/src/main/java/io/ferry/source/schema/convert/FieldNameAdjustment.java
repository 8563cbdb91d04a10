package io.ferry.source.schema.convert;

import io.ferry.common.config.ConfigEnums;
import io.ferry.common.AvroNames;

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
        return ConfigEnums.value(this);
    }

    public static FieldNameAdjustment parse(String value) {
        return ConfigEnums.parse(FieldNameAdjustment.class, value);
    }

    public static String[] configValues() {
        return ConfigEnums.values(FieldNameAdjustment.class);
    }
}
