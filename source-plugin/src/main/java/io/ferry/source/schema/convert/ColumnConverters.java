package io.ferry.source.schema.convert;

import io.ferry.common.TableId;
import io.ferry.source.schema.ColumnDef;
import io.ferry.source.schema.ColumnType;
import io.ferry.source.schema.MySqlCharsets;
import io.ferry.source.schema.TimePrecisionMode;

/** Chooses the {@link ColumnConverter} of a column: the one place where MySQL types meet Connect types. */
public final class ColumnConverters {

    private ColumnConverters() {
    }

    /** {@link #forColumn(TableId, ColumnDef, TimePrecisionMode)} in the default time.precision.mode. */
    public static ColumnConverter forColumn(ColumnDef column) {
        return forColumn(null, column, TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS);
    }

    /**
     * The converter for a column, its field schema carrying the column's DEFAULT and, as its doc, its COMMENT
     * (when the {@link ColumnDef} keeps one); fails for a type Ferry cannot represent, naming the column.
     *
     * @param table the column's table, named in errors about values; may be null
     * @param timePrecision how DATE, DATETIME and TIME become fields
     */
    public static ColumnConverter forColumn(TableId table, ColumnDef column, TimePrecisionMode timePrecision) {
        AbstractConverter converter = withoutDefault(table, column, timePrecision);
        converter.defaultTo(column.defaultValue(), column.name());
        converter.documentAs(column.comment());
        return converter;
    }

    private static AbstractConverter withoutDefault(TableId table, ColumnDef column, TimePrecisionMode timePrecision) {
        ColumnType type = column.type();
        boolean optional = column.optional();
        if (timePrecision == TimePrecisionMode.CONNECT) {
            switch (type.dataType()) {
                case "date":
                    return new ConnectDateConverter(optional);
                case "datetime":
                    return new ConnectDateTimeConverter(optional);
                case "time":
                    return new ConnectTimeConverter(table, column.name(), optional);
                default:
                    break;
            }
        }
        return switch (type.dataType()) {
            case "tinyint" -> new IntegerConverter(8, type.unsigned(), optional);
            case "smallint" -> new IntegerConverter(16, type.unsigned(), optional);
            case "mediumint" -> new IntegerConverter(24, type.unsigned(), optional);
            case "int", "integer" -> new IntegerConverter(32, type.unsigned(), optional);
            case "bigint" -> type.unsigned()
                    ? new UnsignedBigintConverter(optional) : new IntegerConverter(64, false, optional);
            case "float" -> new RealConverter(true, optional);
            case "double", "real" -> new RealConverter(false, optional);
            case "decimal", "numeric" -> new DecimalConverter(type.precision(), type.scale(), optional);
            case "bit" -> new BitConverter(type.length(), optional);
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" ->
                    new TextConverter(MySqlCharsets.javaCharset(type.charset()), optional);
            case "binary" -> new BinaryConverter((int) type.length(), optional);
            case "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> new BinaryConverter(0, optional);
            case "date" -> new DateConverter(optional);
            case "datetime" -> new DateTimeConverter(type.fsp(), optional);
            case "timestamp" -> new TimestampConverter(type.fsp(), optional);
            case "time" -> new TimeConverter(optional);
            case "year" -> new YearConverter(optional);
            case "enum" -> new EnumConverter(type.values(), optional);
            case "set" -> new SetConverter(type.values(), optional);
            // MySQL's JSON is binary and has no character set; MariaDB's is LONGTEXT in utf8mb4.
            case "json" -> new JsonConverter(type.charset() == null, optional);
            case "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
                 "geometrycollection", "geomcollection" -> new GeometryConverter(optional);
            default -> throw new IllegalArgumentException("Column " + column.name() + " has type "
                    + type.dataType() + ", which Ferry cannot capture yet");
        };
    }
}
