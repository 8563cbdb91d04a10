package io.ferry.source.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Carries a flat map of strings, longs, doubles and booleans (the shape of a Connect offset) through a task
 * config, whose values can only be strings: each value is written with a one-letter type tag.
 */
final class FlatMaps {

    private FlatMaps() {
    }

    static void write(Map<String, String> target, String prefix, Map<String, ?> values) {
        values.forEach((key, value) -> target.put(prefix + key, encode(value)));
    }

    static Map<String, Object> read(Map<String, String> source, String prefix) {
        Map<String, Object> values = new LinkedHashMap<>();
        source.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                values.put(key.substring(prefix.length()), decode(value));
            }
        });
        return values;
    }

    static String encode(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return "L:" + value;
        } else if (value instanceof Double || value instanceof Float) {
            return "D:" + value;
        } else if (value instanceof Boolean) {
            return "B:" + value;
        } else if (value instanceof String) {
            return "S:" + value;
        }
        throw new IllegalArgumentException("Only strings, numbers and booleans fit a task config, not " + value);
    }

    static Object decode(String encoded) {
        String text = encoded.substring(2);
        return switch (encoded.charAt(0)) {
            case 'L' -> Long.valueOf(text);
            case 'D' -> Double.valueOf(text);
            case 'B' -> Boolean.valueOf(text);
            case 'S' -> text;
            default -> throw new IllegalArgumentException("Not a tagged value: " + encoded);
        };
    }
}
