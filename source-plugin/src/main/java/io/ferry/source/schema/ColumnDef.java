package io.ferry.source.schema;

/**
 * One column of a captured table: its name as MySQL spells it, its type, whether it may be NULL, its DEFAULT
 * (which becomes the field schema's default, and the value of a zero date in a NOT NULL column), and its COMMENT
 * (which becomes the field schema's doc with {@code include.schema.comments}).
 *
 * @param comment the column's COMMENT, or null when it has none (an empty COMMENT is none)
 */
public record ColumnDef(String name, ColumnType type, boolean optional, ColumnDefault defaultValue,
                        String comment) {

    public ColumnDef {
        defaultValue = defaultValue == null ? ColumnDefault.NONE : defaultValue;
        comment = comment == null || comment.isEmpty() ? null : comment;
    }

    /** A column without a COMMENT. */
    public ColumnDef(String name, ColumnType type, boolean optional, ColumnDefault defaultValue) {
        this(name, type, optional, defaultValue, null);
    }

    /** A column without a DEFAULT or a COMMENT. */
    public ColumnDef(String name, ColumnType type, boolean optional) {
        this(name, type, optional, ColumnDefault.NONE, null);
    }

    /** This column with another type, e.g. MariaDB's LONGTEXT recognized as JSON. */
    public ColumnDef withType(ColumnType newType) {
        return new ColumnDef(name, newType, optional, defaultValue, comment);
    }

    /** This column with another DEFAULT, e.g. none when {@code column.defaults} drops it. */
    public ColumnDef withDefaultValue(ColumnDefault newDefault) {
        return new ColumnDef(name, type, optional, newDefault, comment);
    }

    /** This column with another COMMENT; null for none. */
    public ColumnDef withComment(String newComment) {
        return new ColumnDef(name, type, optional, defaultValue, newComment);
    }
}
