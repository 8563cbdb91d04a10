package io.ferry.source.schema;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata.DefaultCharset;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Builds {@link io.ferry.source.schema.ColumnType}s from a binlog TABLE_MAP event and the metadata that
 * {@code binlog_row_metadata=FULL} adds to it, equal to what {@link ColumnTypes#fromInformationSchema} builds
 * for the same columns. Character sets come as collation ids, for "character columns" (CHAR, VARCHAR, BINARY,
 * VARBINARY, BLOB, TEXT) and, separately, for ENUM and SET columns, each list indexed among those columns only.
 */
final class TableMapColumnTypes {

    private static final String[] GEOMETRY_TYPES = {"geometry", "point", "linestring", "polygon", "multipoint",
        "multilinestring", "multipolygon", "geometrycollection"};
    private static final String[] TEXT_TYPES = {"", "tinytext", "text", "mediumtext", "longtext"};
    private static final String[] BLOB_TYPES = {"", "tinyblob", "blob", "mediumblob", "longblob"};
    private static final int BINARY_COLLATION = 63;

    private final TableMapEventData event;
    private final TableMapEventMetadata metadata;
    private final int[] realTypes;
    private final int[] lengths;

    TableMapColumnTypes(TableMapEventData event) {
        this.event = event;
        this.metadata = event.getEventMetadata();
        if (metadata == null || metadata.getColumnNames() == null) {
            throw new IllegalArgumentException("The table map of " + event.getDatabase() + "." + event.getTable()
                    + " has no column metadata: set binlog_row_metadata=FULL on the source server");
        }
        int count = event.getColumnTypes().length;
        this.realTypes = new int[count];
        this.lengths = new int[count];
        for (int i = 0; i < count; i++) {
            resolveRealType(i);
        }
    }

    /** CHAR, ENUM and SET all travel as STRING with the real type and byte length packed into the metadata. */
    private void resolveRealType(int i) {
        int code = event.getColumnTypes()[i] & 0xFF;
        int meta = event.getColumnMetadata()[i];
        realTypes[i] = code;
        lengths[i] = meta;
        if (code == ColumnType.STRING.getCode() && meta >= 256) {
            int high = meta >> 8;
            int low = meta & 0xFF;
            if ((high & 0x30) != 0x30) {
                realTypes[i] = high | 0x30;
                lengths[i] = low | (((high & 0x30) ^ 0x30) << 4);
            } else {
                realTypes[i] = high;
                lengths[i] = low;
            }
        }
    }

    List<io.ferry.source.schema.ColumnType> columnTypes() {
        List<Integer> charColumnCollations = collations(
                this::isCharacterColumn, metadata.getDefaultCharset(), metadata.getColumnCharsets());
        List<Integer> enumSetCollations = collations(
                this::isEnumOrSet, metadata.getEnumAndSetDefaultCharset(), metadata.getEnumAndSetColumnCharsets());
        BitSet unsigned = metadata.getSignedness() == null ? new BitSet() : metadata.getSignedness();
        List<io.ferry.source.schema.ColumnType> types = new ArrayList<>();
        int charIndex = 0;
        int enumSetIndex = 0;
        int enumIndex = 0;
        int setIndex = 0;
        int geometryIndex = 0;
        for (int i = 0; i < realTypes.length; i++) {
            String charset = null;
            if (isCharacterColumn(i)) {
                charset = charsetName(charColumnCollations.get(charIndex++));
            } else if (isEnumOrSet(i)) {
                charset = charsetName(enumSetCollations.get(enumSetIndex++));
            }
            List<String> values = List.of();
            if (realTypes[i] == ColumnType.ENUM.getCode()) {
                values = Arrays.asList(metadata.getEnumStrValues().get(enumIndex++));
            } else if (realTypes[i] == ColumnType.SET.getCode()) {
                values = Arrays.asList(metadata.getSetStrValues().get(setIndex++));
            }
            int geometryType = 0;
            if (realTypes[i] == ColumnType.GEOMETRY.getCode() && metadata.getGeometryTypes() != null) {
                geometryType = metadata.getGeometryTypes().get(geometryIndex++);
            }
            types.add(columnType(i, unsigned.get(i), charset, values, geometryType));
        }
        return types;
    }

    private io.ferry.source.schema.ColumnType columnType(int i, boolean unsigned, String charset,
                                                         List<String> values, int geometryType) {
        int meta = event.getColumnMetadata()[i];
        ColumnType type = ColumnType.byCode(realTypes[i]);
        if (type == null) {
            throw new IllegalArgumentException("Unknown binlog column type " + realTypes[i] + " in column " + i);
        }
        return switch (type) {
            case TINY -> numeric("tinyint", unsigned);
            case SHORT -> numeric("smallint", unsigned);
            case INT24 -> numeric("mediumint", unsigned);
            case LONG -> numeric("int", unsigned);
            case LONGLONG -> numeric("bigint", unsigned);
            case FLOAT -> numeric("float", unsigned);
            case DOUBLE -> numeric("double", unsigned);
            case NEWDECIMAL -> new io.ferry.source.schema.ColumnType("decimal", unsigned, 0, meta & 0xFF, meta >> 8,
                    0, null, List.of());
            case YEAR -> numeric("year", false);
            case DATE, NEWDATE -> numeric("date", false);
            case TIME -> temporal("time", 0);
            case TIME_V2 -> temporal("time", meta);
            case DATETIME -> temporal("datetime", 0);
            case DATETIME_V2 -> temporal("datetime", meta);
            case TIMESTAMP -> temporal("timestamp", 0);
            case TIMESTAMP_V2 -> temporal("timestamp", meta);
            case BIT -> new io.ferry.source.schema.ColumnType("bit", false, (meta >> 8) * 8L + (meta & 0xFF), 0, 0,
                    0, null, List.of());
            case VARCHAR, VAR_STRING -> string(charset, "varchar", "varbinary", meta);
            case STRING -> string(charset, "char", "binary", lengths[i]);
            case BLOB -> blob(charset, meta);
            case ENUM, SET -> new io.ferry.source.schema.ColumnType(type == ColumnType.ENUM ? "enum" : "set", false,
                    0, 0, 0, 0, charset, values);
            case JSON -> numeric("json", false);
            case GEOMETRY -> numeric(GEOMETRY_TYPES[geometryType], false);
            default -> throw new IllegalArgumentException("Binlog column type " + type + " is not supported");
        };
    }

    private static io.ferry.source.schema.ColumnType numeric(String dataType, boolean unsigned) {
        return io.ferry.source.schema.ColumnType.of(dataType, unsigned);
    }

    private static io.ferry.source.schema.ColumnType temporal(String dataType, int fsp) {
        return new io.ferry.source.schema.ColumnType(dataType, false, 0, 0, 0, fsp, null, List.of());
    }

    private static io.ferry.source.schema.ColumnType string(String charset, String text, String binary,
                                                            int byteLength) {
        if (charset == null) {
            return new io.ferry.source.schema.ColumnType(binary, false, byteLength, 0, 0, 0, null, List.of());
        }
        long chars = byteLength / MySqlCharsets.maxBytesPerChar(charset);
        return new io.ferry.source.schema.ColumnType(text, false, chars, 0, 0, 0, charset, List.of());
    }

    /** The metadata of a BLOB is the number of bytes of its length prefix: 1 TINY, 2 plain, 3 MEDIUM, 4 LONG. */
    private static io.ferry.source.schema.ColumnType blob(String charset, int lengthBytes) {
        String dataType = charset == null ? BLOB_TYPES[lengthBytes] : TEXT_TYPES[lengthBytes];
        return new io.ferry.source.schema.ColumnType(dataType, false, 0, 0, 0, 0, charset, List.of());
    }

    /** The charset name of a collation id; null for the binary pseudo-charset, as information_schema reports. */
    private static String charsetName(int collation) {
        return collation == BINARY_COLLATION ? null : MySqlCharsets.charsetOfCollation(collation);
    }

    private boolean isCharacterColumn(int i) {
        int type = realTypes[i];
        return type == ColumnType.STRING.getCode() || type == ColumnType.VARCHAR.getCode()
                || type == ColumnType.VAR_STRING.getCode() || type == ColumnType.BLOB.getCode();
    }

    private boolean isEnumOrSet(int i) {
        return realTypes[i] == ColumnType.ENUM.getCode() || realTypes[i] == ColumnType.SET.getCode();
    }

    /**
     * The collation of each column of a kind, in column order: either an explicit list, or a default plus
     * exceptions keyed by the index among columns of that kind.
     */
    private List<Integer> collations(java.util.function.IntPredicate kind, DefaultCharset defaults,
                                     List<Integer> explicit) {
        int count = 0;
        for (int i = 0; i < realTypes.length; i++) {
            if (kind.test(i)) {
                count++;
            }
        }
        if (explicit != null) {
            return explicit;
        }
        List<Integer> result = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Integer exception = defaults == null || defaults.getCharsetCollations() == null
                    ? null : defaults.getCharsetCollations().get(k);
            if (exception == null && defaults == null) {
                throw new IllegalArgumentException("The table map has no character set for character column " + k);
            }
            result.add(exception != null ? exception : defaults.getDefaultCharsetCollation());
        }
        return result;
    }
}
