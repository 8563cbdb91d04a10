package io.ferry.source.schema;

/** One column of a captured table: its name as MySQL spells it, its type, and whether it may be NULL. */
public record ColumnDef(String name, ColumnType type, boolean optional) {
}
