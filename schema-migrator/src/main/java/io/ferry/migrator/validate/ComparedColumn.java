package io.ferry.migrator.validate;

import java.util.Objects;

/**
 * One column validation compares: its name on each side and how its values are made canonical.
 *
 * @param precision and {@code scale}: the DECIMAL's, to convert a key bound back to the exact value
 */
public record ComparedColumn(String sourceName, String destinationName, ColumnKind kind, boolean unsigned,
                             int precision, int scale) {

    public ComparedColumn {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(destinationName, "destinationName");
        Objects.requireNonNull(kind, "kind");
    }

    /** A column that is not a DECIMAL. */
    public static ComparedColumn of(String sourceName, String destinationName, ColumnKind kind, boolean unsigned) {
        return new ComparedColumn(sourceName, destinationName, kind, unsigned, 0, 0);
    }

    /** The name on one side. */
    public String name(Side side) {
        return side == Side.SOURCE ? sourceName : destinationName;
    }
}
