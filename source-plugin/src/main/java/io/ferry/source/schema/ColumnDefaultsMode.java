package io.ferry.source.schema;

import io.ferry.common.config.ConfigEnums;

/**
 * Which columns' DEFAULTs go into the field schemas ({@code column.defaults}). Connect's JSON converter (unless
 * {@code replace.null.with.default=false}) writes a field's default in place of a null value, and
 * {@code Struct.get} returns it for null: a NULL in a nullable column with a DEFAULT would reach consumers, and
 * the destination, as the DEFAULT. NOT NULL columns never carry null, so their defaults are always safe.
 */
public enum ColumnDefaultsMode {
    /** Every column's DEFAULT, as Debezium emits them; needs converters that keep nulls. */
    ALL,
    /** The DEFAULTs of NOT NULL columns only: no converter can turn a NULL into a default. */
    NOT_NULL,
    /** No defaults in field schemas; a zero date in a NOT NULL column is the epoch. */
    NONE;

    /** {@code column} with its DEFAULT kept or dropped as this mode says. */
    public ColumnDef apply(ColumnDef column) {
        boolean keep = this == ALL || this == NOT_NULL && !column.optional();
        return keep || column.defaultValue().kind() == ColumnDefault.Kind.NONE ? column
                : column.withDefaultValue(ColumnDefault.NONE);
    }

    public String configValue() {
        return ConfigEnums.value(this);
    }

    public static ColumnDefaultsMode parse(String value) {
        return ConfigEnums.parse(ColumnDefaultsMode.class, value);
    }

    public static String[] configValues() {
        return ConfigEnums.values(ColumnDefaultsMode.class);
    }
}
