package io.ferry.source.schema;

import java.util.List;
import java.util.Locale;

/**
 * A column's MySQL type as the server describes it, independent of how Ferry maps it to Connect. Built
 * from {@code information_schema.COLUMNS} for the snapshot and from binlog table-map metadata for the
 * stream; both must give equal values for the same column, so that both phases emit the same schema.
 *
 * @param dataType   lower-case base type: {@code int}, {@code varchar}, {@code datetime}, {@code enum}, ...
 * @param unsigned   for numeric types
 * @param length     character length for CHAR/VARCHAR, byte length for BINARY/VARBINARY, bit count for BIT;
 *                   0 where it does not apply
 * @param precision  DECIMAL precision; 0 where it does not apply
 * @param scale      DECIMAL scale; 0 where it does not apply
 * @param fsp        fractional-second precision of TIME/DATETIME/TIMESTAMP (0-6)
 * @param charset    character set of character columns ({@code utf8mb4}, {@code latin1}, {@code binary}), else null
 * @param values     the allowed values of ENUM and SET, in definition order; empty otherwise
 */
public record ColumnType(String dataType, boolean unsigned, long length, int precision, int scale, int fsp,
                         String charset, List<String> values) {

    public ColumnType {
        dataType = dataType.toLowerCase(Locale.ROOT);
        values = List.copyOf(values);
    }

    /** A type with no length, precision or character set, e.g. {@code int} or {@code date}. */
    public static ColumnType of(String dataType, boolean unsigned) {
        return new ColumnType(dataType, unsigned, 0, 0, 0, 0, null, List.of());
    }
}
