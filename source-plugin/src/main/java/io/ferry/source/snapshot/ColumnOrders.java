package io.ferry.source.snapshot;

import io.ferry.source.schema.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The server's order of one key column's Connect-level values, chosen by the column's MySQL type:
 * numbers by value, binary strings bytewise, character strings by collation weight, ENUM by index, SET by
 * bitmask. A value of a class the order does not know fails loudly rather than being guessed at.
 */
public final class ColumnOrders {

    private static final Set<String> CHARACTER_TYPES =
            Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext");
    private static final Set<String> BINARY_TYPES =
            Set.of("varbinary", "tinyblob", "blob", "mediumblob", "longblob");

    private ColumnOrders() {
    }

    /**
     * The order of a column of {@code type}; {@code collation} is required for character columns (null
     * otherwise) and {@code weigher} computes their weights.
     */
    public static Comparator<Object> forColumn(ColumnType type, StringCollation collation,
                                               CollationWeigher weigher) {
        String dataType = type.dataType();
        if (CHARACTER_TYPES.contains(dataType) && !"binary".equalsIgnoreCase(type.charset())) {
            if (collation == null || weigher == null) {
                throw new IllegalArgumentException("A " + dataType + " key column needs its collation and a "
                        + "weigher: Java's string order differs from the server's");
            }
            return collated(collation, weigher);
        }
        if (dataType.equals("binary")) {
            return binary(true);
        }
        if (BINARY_TYPES.contains(dataType) || CHARACTER_TYPES.contains(dataType)) {
            return binary(false);
        }
        if (dataType.equals("enum")) {
            return byIndex(type.values(), false);
        }
        if (dataType.equals("set")) {
            return byIndex(type.values(), true);
        }
        if (dataType.equals("bit")) {
            return ColumnOrders::compareBits;
        }
        return natural();
    }

    /**
     * Numbers by exact value whatever their classes (so Integer 5, Long 5 and BigDecimal 5.00 are equal, and
     * -0.0 equals 0.0 as on the server); other values by their natural order if both have the same class.
     */
    public static Comparator<Object> natural() {
        return ColumnOrders::compareNatural;
    }

    /** Bytewise unsigned; {@code zeroPadded} for BINARY(n), whose stored values are padded with 0x00. */
    public static Comparator<Object> binary(boolean zeroPadded) {
        return (a, b) -> compareBytes(bytes(a), bytes(b), zeroPadded);
    }

    /** Strings by the weights the server gives them under {@code collation}. */
    public static Comparator<Object> collated(StringCollation collation, CollationWeigher weigher) {
        return (a, b) -> {
            String left = string(a);
            String right = string(b);
            return left.equals(right) ? 0
                    : Arrays.compareUnsigned(weigher.weigh(collation, left), weigher.weigh(collation, right));
        };
    }

    /** ENUM values sort by their index in the definition; SET values by their bitmask. */
    static Comparator<Object> byIndex(List<String> values, boolean set) {
        return (a, b) -> Long.compare(index(values, a, set), index(values, b, set));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareNatural(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y));
        }
        if (a instanceof java.util.Date x && b instanceof java.util.Date y) {
            return x.compareTo(y); // Timestamp compares its nanoseconds too
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable x) {
            return x.compareTo(b);
        }
        throw new IllegalArgumentException("Cannot compare key values " + a + " (" + a.getClass().getName()
                + ") and " + b + " (" + b.getClass().getName() + ")");
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("MySQL has no key value " + value);
            }
            return new BigDecimal(value); // exact, and -0.0 becomes 0
        }
        return BigDecimal.valueOf(number.longValue());
    }

    private static int compareBits(Object a, Object b) {
        return bitValue(a).compareTo(bitValue(b));
    }

    /** The number a BIT value stands for. */
    static BigInteger bitValue(Object value) {
        if (value instanceof byte[] bytes) {
            return new BigInteger(1, bytes);
        }
        if (value instanceof Boolean flag) {
            return flag ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (value instanceof Number number) {
            return decimal(number).toBigIntegerExact();
        }
        throw new IllegalArgumentException("Not a BIT key value: " + value.getClass().getName());
    }

    static int compareBytes(byte[] a, byte[] b, boolean zeroPadded) {
        int common = Math.min(a.length, b.length);
        int prefix = Arrays.compareUnsigned(a, 0, common, b, 0, common);
        if (prefix != 0 || !zeroPadded) {
            return prefix != 0 ? prefix : Integer.compare(a.length, b.length);
        }
        // The binlog drops BINARY(n)'s trailing zeros; a longer value is greater only by a non-zero byte.
        byte[] longer = a.length > b.length ? a : b;
        for (int i = common; i < longer.length; i++) {
            if (longer[i] != 0) {
                return longer == a ? 1 : -1;
            }
        }
        return 0;
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        throw new IllegalArgumentException("Expected bytes for a binary key column, got "
                + value.getClass().getName());
    }

    private static String string(Object value) {
        if (value instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("Expected a string for a character key column, got "
                + value.getClass().getName());
    }

    /** The number the server compares an ENUM (its 1-based index) or SET (its bitmask) value by. */
    static long index(List<String> values, Object value, boolean set) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        String text = string(value);
        if (!set) {
            return indexOf(values, text) + 1; // '' (the error value) is index 0
        }
        long mask = 0;
        for (String member : text.isEmpty() ? new String[0] : text.split(",", -1)) {
            mask |= 1L << indexOf(values, member);
        }
        return mask;
    }

    private static int indexOf(List<String> values, String value) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).equals(value)) {
                return i;
            }
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        if (value.isEmpty()) {
            return -1;
        }
        throw new IllegalArgumentException("'" + value + "' is not one of " + values);
    }
}
