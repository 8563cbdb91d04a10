package io.ferry.sink.apply;

import io.ferry.sink.table.DestinationColumn;
import io.ferry.sink.value.ColumnBinding;

/** One field of a change event's row, the destination column it is written to, and how its value is bound. */
record BoundColumn(String field, DestinationColumn column, ColumnBinding binding) {

    /** The value expression for comparisons: FLOAT and JSON columns need the bound text cast to compare equal. */
    String comparable() {
        return switch (column.dataType()) {
            case "float" -> "CAST(" + binding.placeholder() + " AS FLOAT)";
            default -> binding.placeholder();
        };
    }
}
