package io.ferry.source.snapshot;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * How key tuples are written into Connect offsets. Connect accepts only flat maps of primitives there, and
 * offsets pass through JSON, which would turn an Integer into a Long and a BigDecimal into a lossy double.
 * So each tuple is written as flat entries:
 * <pre>
 *   &lt;name&gt;.arity = 2            absent when the bound is unbounded
 *   &lt;name&gt;.0     = 42           Long, Double, Boolean and String are written as themselves
 *   &lt;name&gt;.1     = "AAEC"       other types as a string ...
 *   &lt;name&gt;.1.type = "bytes"     ... with a type tag: int, short, byte, float, decimal, biginteger, bytes
 *                                 (base64), localdatetime, localdate, localtime, instant, sqltimestamp
 *                                 (ISO-8601), date (java.util.Date as epoch milliseconds)
 * </pre>
 * Reading restores the original Java classes, so a range read back equals the range written.
 */
final class KeyTupleFormat {

    static final String START = "start";
    static final String END = "end";
    static final String ARITY = ".arity";
    static final String TYPE = ".type";

    private KeyTupleFormat() {
    }

    static void write(Map<String, Object> offset, String name, List<Object> key) {
        if (key == null) {
            return;
        }
        offset.put(name + ARITY, key.size());
        for (int i = 0; i < key.size(); i++) {
            String field = name + "." + i;
            Object value = key.get(i);
            String tag = tag(value);
            if (tag == null) {
                offset.put(field, value);
            } else {
                offset.put(field, encode(value));
                offset.put(field + TYPE, tag);
            }
        }
    }

    static List<Object> read(Map<String, ?> offset, String name) {
        Object arity = offset.get(name + ARITY);
        if (arity == null) {
            return null;
        }
        int size = ((Number) arity).intValue();
        List<Object> key = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String field = name + "." + i;
            Object value = offset.get(field);
            if (value == null) {
                throw new IllegalArgumentException("Offset lacks key value " + field + ": " + offset);
            }
            key.add(decode(value, (String) offset.get(field + TYPE)));
        }
        return key;
    }

    private static String tag(Object value) {
        if (value instanceof Long || value instanceof Double || value instanceof Boolean
                || value instanceof String) {
            return null;
        }
        if (value instanceof Integer) {
            return "int";
        } else if (value instanceof Short) {
            return "short";
        } else if (value instanceof Byte) {
            return "byte";
        } else if (value instanceof Float) {
            return "float";
        } else if (value instanceof BigDecimal) {
            return "decimal";
        } else if (value instanceof BigInteger) {
            return "biginteger";
        } else if (value instanceof byte[]) {
            return "bytes";
        } else if (value instanceof LocalDateTime) {
            return "localdatetime";
        } else if (value instanceof LocalDate) {
            return "localdate";
        } else if (value instanceof LocalTime) {
            return "localtime";
        } else if (value instanceof Instant) {
            return "instant";
        } else if (value instanceof Timestamp) {
            return "sqltimestamp";
        } else if (value.getClass() == Date.class) {
            return "date"; // Connect's Date, Time and Timestamp logical types
        }
        throw new IllegalArgumentException("Cannot write a key value of " + value.getClass().getName()
                + " into an offset: map it to a Connect-level type first");
    }

    private static String encode(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toString(); // keeps the scale, so 1.50 reads back as 1.50
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString(); // keeps the nanoseconds
        }
        if (value instanceof Date date) {
            return Long.toString(date.getTime());
        }
        return value.toString(); // numbers and java.time values print in a form their parse() reads exactly
    }

    private static Object decode(Object value, String tag) {
        if (tag == null) {
            // JSON may hand back an Integer where a Long was written.
            return value instanceof Integer || value instanceof Short || value instanceof Byte
                    ? ((Number) value).longValue() : value;
        }
        String text = value.toString();
        return switch (tag) {
            case "int" -> Integer.valueOf(text);
            case "short" -> Short.valueOf(text);
            case "byte" -> Byte.valueOf(text);
            case "float" -> Float.valueOf(text);
            case "decimal" -> new BigDecimal(text);
            case "biginteger" -> new BigInteger(text);
            case "bytes" -> Base64.getDecoder().decode(text);
            case "localdatetime" -> LocalDateTime.parse(text);
            case "localdate" -> LocalDate.parse(text);
            case "localtime" -> LocalTime.parse(text);
            case "instant" -> Instant.parse(text);
            case "sqltimestamp" -> Timestamp.from(Instant.parse(text));
            case "date" -> new Date(Long.parseLong(text));
            default -> throw new IllegalArgumentException("Unknown key value type '" + tag + "' in offset");
        };
    }
}
