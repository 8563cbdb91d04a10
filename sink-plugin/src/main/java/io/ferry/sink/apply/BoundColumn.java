package io.ferry.sink.apply;

import io.ferry.sink.table.DestinationColumn;
import io.ferry.sink.value.ColumnBinding;

/** One field of a change event's row, the destination column it is written to, and how its value is bound. */
record BoundColumn(String field, DestinationColumn column, ColumnBinding binding) {

    /**
     * The value expression for comparisons. FLOAT values are bound as the exact double of the stored float, so
     * they compare equal as they are; a MySQL JSON column only equals a JSON value, not its text.
     */
    String comparable() {
        return "json".equals(column.dataType()) ? "CAST(" + binding.placeholder() + " AS JSON)"
                : binding.placeholder();
    }
}
