package io.ferry.source.schema;

/**
 * One column of a captured table: its name as MySQL spells it, its type, whether it may be NULL, and its
 * DEFAULT (which becomes the field schema's default, and the value of a zero date in a NOT NULL column).
 */
public record ColumnDef(String name, ColumnType type, boolean optional, ColumnDefault defaultValue) {

    public ColumnDef {
        defaultValue = defaultValue == null ? ColumnDefault.NONE : defaultValue;
    }

    /** A column without a DEFAULT. */
    public ColumnDef(String name, ColumnType type, boolean optional) {
        this(name, type, optional, ColumnDefault.NONE);
    }

    /** This column with another type, e.g. MariaDB's LONGTEXT recognized as JSON. */
    public ColumnDef withType(ColumnType newType) {
        return new ColumnDef(name, newType, optional, defaultValue);
    }
}
