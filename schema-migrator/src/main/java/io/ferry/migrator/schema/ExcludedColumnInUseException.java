package io.ferry.migrator.schema;

import io.ferry.common.TableId;

/** A column that {@code column.exclude} leaves out is needed by another part of its table's definition. */
final class ExcludedColumnInUseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    ExcludedColumnInUseException(TableId table, String column, String usedBy) {
        super("Column " + column + " of " + table + " is excluded by column.exclude but " + usedBy
                + " uses it; remove it from column.exclude, or exclude the table instead");
    }
}
