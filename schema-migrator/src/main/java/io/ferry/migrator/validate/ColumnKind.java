package io.ferry.migrator.validate;

import io.ferry.common.server.ServerFlavor;
import java.util.Locale;

/**
 * How validation turns a column's value into canonical text, which both servers compute in SQL and hash. The
 * text must be equal exactly when the values are equal, whatever the server, session or column charset:
 * see {@code docs/validation.md} for the reasoning per type.
 */
public enum ColumnKind {
    INTEGER,
    DECIMAL,
    /** Single precision: widened to DOUBLE (exact), whose shortest round-trip text keeps every bit. */
    FLOAT,
    DOUBLE,
    DATE,
    /** DATETIME and TIMESTAMP (the session time zone is +00:00 on both sides). */
    DATETIME,
    TIME,
    /** CHAR, VARCHAR and TEXT: compared as utf8mb4 bytes, so the column charset does not matter. */
    TEXT,
    /** ENUM and SET, by their labels (the destination may number them differently). */
    ENUM_SET,
    /** BINARY, VARBINARY, BLOB and spatial types: compared as bytes. */
    BINARY,
    BIT,
    JSON,
    /** Anything else (e.g. MariaDB's INET6 or UUID): its text as the server prints it. */
    OTHER;

    private static final String DATETIME_FORMAT = "'%Y-%m-%d %H:%i:%s.%f'";
    private static final String TIME_FORMAT = "'%H:%i:%s.%f'";

    /** The kind of a column from {@code information_schema.COLUMNS.DATA_TYPE}. */
    public static ColumnKind of(String dataType) {
        return switch (dataType.toLowerCase(Locale.ROOT)) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year" -> INTEGER;
            case "decimal", "numeric" -> DECIMAL;
            case "float" -> FLOAT;
            case "double", "real", "double precision" -> DOUBLE;
            case "date" -> DATE;
            case "datetime", "timestamp" -> DATETIME;
            case "time" -> TIME;
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" -> TEXT;
            case "enum", "set" -> ENUM_SET;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "geometry", "point",
                 "linestring", "polygon", "multipoint", "multilinestring", "multipolygon", "geometrycollection",
                 "geomcollection" -> BINARY;
            case "bit" -> BIT;
            case "json" -> JSON;
            default -> OTHER;
        };
    }

    /**
     * SQL for the canonical text of a non-NULL value of {@code column} (already quoted) on a server of
     * {@code flavor}. NULL is marked by the row hash, not here.
     */
    public String canonical(String column, ServerFlavor flavor) {
        return switch (this) {
            case INTEGER, DECIMAL, DOUBLE, DATE -> "CAST(" + column + " AS CHAR)";
            case BIT -> "CAST(" + column + " AS UNSIGNED)";
            case FLOAT -> "CAST(CAST(" + column + " AS DOUBLE) AS CHAR)";
            case DATETIME -> "DATE_FORMAT(" + column + ", " + DATETIME_FORMAT + ")";
            case TIME -> "TIME_FORMAT(" + column + ", " + TIME_FORMAT + ")";
            case TEXT, ENUM_SET, OTHER -> "CAST(CONVERT(" + column + " USING utf8mb4) AS BINARY)";
            case BINARY -> "HEX(" + column + ")";
            // MySQL stores JSON normalized (sorted keys, one spelling per number); MariaDB stores the text given,
            // and JSON_NORMALIZE (10.7+) brings it to one spelling.
            case JSON -> flavor == ServerFlavor.MARIADB ? "JSON_NORMALIZE(" + column + ")"
                    : "CAST(" + column + " AS CHAR)";
        };
    }

    /** Whether a key of this kind can bound a chunk: its text converts back to the value, ordered as stored. */
    public boolean usableInKey() {
        return switch (this) {
            case INTEGER, DECIMAL, DATE, DATETIME, TIME, TEXT, BINARY, BIT -> true;
            // Floats compare inexactly, ENUM/SET order by number but compare to text by label, JSON is no key.
            case FLOAT, DOUBLE, ENUM_SET, JSON, OTHER -> false;
        };
    }

    /** SQL reading a key value of this kind as text that {@link #keyParameter} turns back into the value. */
    public String keyText(String column) {
        return switch (this) {
            case TEXT -> column;
            case BINARY -> "HEX(" + column + ")";
            case DATETIME -> "DATE_FORMAT(" + column + ", " + DATETIME_FORMAT + ")";
            case TIME -> "TIME_FORMAT(" + column + ", " + TIME_FORMAT + ")";
            case BIT -> "CAST(" + column + " AS UNSIGNED)";
            default -> "CAST(" + column + " AS CHAR)";
        };
    }

    /**
     * A bind parameter ({@code ?}) converted to the column's type, so that the server compares it as the key is
     * ordered: a bare string would make a BIGINT compare as DOUBLE and a VARBINARY by the connection charset.
     */
    public String keyParameter(ComparedColumn column) {
        return switch (this) {
            case INTEGER -> column.unsigned() ? "CAST(? AS UNSIGNED)" : "CAST(? AS SIGNED)";
            case DECIMAL -> "CAST(? AS DECIMAL(" + column.precision() + "," + column.scale() + "))";
            case DATE -> "CAST(? AS DATE)";
            case DATETIME -> "CAST(? AS DATETIME(6))";
            case TIME -> "CAST(? AS TIME(6))";
            case BINARY -> "UNHEX(?)";
            case BIT -> "CAST(? AS UNSIGNED)";
            case TEXT -> "?";
            default -> throw new IllegalStateException(this + " keys cannot bound a chunk");
        };
    }
}
