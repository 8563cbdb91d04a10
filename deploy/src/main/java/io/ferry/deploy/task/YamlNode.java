package io.ferry.deploy.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.ferry.common.config.EditDistance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping of a parsed task file with its path ({@code migration.snapshot}): reads typed fields with defaults
 * and remembers which it read, so that {@link #rejectUnknownFields()} can name every field nobody asked for.
 * Every error is a {@link TaskFileException} carrying the field's path.
 */
final class YamlNode {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final JsonNode node;
    private final String path;
    private final Set<String> read = new LinkedHashSet<>();

    YamlNode(JsonNode node, String path) {
        if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
            throw new TaskFileException(path, "expected a mapping of fields, got " + describe(node));
        }
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The field names as written, in file order. */
    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    boolean has(String field) {
        JsonNode value = node.path(field);
        return !value.isMissingNode() && !value.isNull();
    }

    /** A nested mapping; an absent one reads as empty, so every field takes its default. */
    YamlNode object(String field) {
        return new YamlNode(value(field), pathOf(field));
    }

    String string(String field, String fallback) {
        JsonNode value = value(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        return scalar(value, pathOf(field));
    }

    String requiredString(String field) {
        String value = string(field, null);
        if (value == null || value.isBlank()) {
            throw new TaskFileException(pathOf(field), "is required");
        }
        return value.trim();
    }

    Secret secret(String field) {
        return new Secret(pathOf(field), string(field, ""));
    }

    long number(String field, long fallback, long min, long max) {
        String text = string(field, null);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new TaskFileException(pathOf(field), "'" + text + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new TaskFileException(pathOf(field), value + " is not between " + min + " and " + max);
        }
        return value;
    }

    int integer(String field, int fallback, int min, int max) {
        return (int) number(field, fallback, min, max);
    }

    boolean bool(String field, boolean fallback) {
        JsonNode value = value(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new TaskFileException(pathOf(field), describe(value) + " is not true or false");
        }
        return value.booleanValue();
    }

    String choice(String field, String fallback, List<String> allowed) {
        String value = string(field, fallback);
        return checkChoice(pathOf(field), value, allowed);
    }

    /** A duration such as {@code 500ms}, {@code 30s}, {@code 10m}, {@code 12h} or {@code 2d}. */
    Duration duration(String field, Duration fallback) {
        String text = string(field, null);
        if (text == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new TaskFileException(pathOf(field), "'" + text + "' is not a duration such as 500ms, 30s, 10m,"
                    + " 12h or 2d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** A list of scalars; a single scalar reads as a list of one. */
    List<String> strings(String field, List<String> fallback) {
        JsonNode value = value(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        String at = pathOf(field);
        if (!value.isArray()) {
            return List.of(scalar(value, at));
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            result.add(scalar(value.get(i), at + "[" + i + "]"));
        }
        return List.copyOf(result);
    }

    List<String> choices(String field, List<String> fallback, List<String> allowed) {
        List<String> values = strings(field, fallback);
        for (int i = 0; i < values.size(); i++) {
            checkChoice(pathOf(field) + "[" + i + "]", values.get(i), allowed);
        }
        return values;
    }

    /** A mapping of names to scalars, in file order. */
    Map<String, String> stringMap(String field) {
        JsonNode value = value(field);
        Map<String, String> result = new LinkedHashMap<>();
        if (value.isMissingNode() || value.isNull()) {
            return result;
        }
        String at = pathOf(field);
        if (!value.isObject()) {
            throw new TaskFileException(at, "expected a mapping, got " + describe(value));
        }
        value.fields().forEachRemaining(e -> result.put(e.getKey(), scalar(e.getValue(), at + "." + e.getKey())));
        return result;
    }

    /** Fails on the first field of this mapping that no reader asked for, naming the nearest known field. */
    void rejectUnknownFields(List<String> known) {
        if (!node.isObject()) {
            return;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!read.contains(name)) {
                String nearest = known.stream().min(Comparator.comparingInt(k -> EditDistance.between(k, name)))
                        .orElse("");
                boolean close = !nearest.isEmpty()
                        && EditDistance.between(nearest, name) <= Math.max(2, name.length() / 3);
                throw new TaskFileException(pathOf(name), "unknown field" + (close ? "; did you mean '" + nearest
                        + "'?" : "") + " Known fields here: " + String.join(", ", known));
            }
        });
    }

    static String checkChoice(String at, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new TaskFileException(at, "'" + value + "' is not one of " + String.join(", ", allowed));
        }
        return value;
    }

    private JsonNode value(String field) {
        read.add(field);
        return node.isObject() ? node.path(field) : MissingNode.getInstance();
    }

    private static String scalar(JsonNode value, String at) {
        if (!value.isValueNode() || value.isNull()) {
            throw new TaskFileException(at, "expected a single value, got " + describe(value));
        }
        return value.asText();
    }

    private static String describe(JsonNode value) {
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isNull()) {
            return "nothing";
        }
        return "'" + value.asText() + "'";
    }
}
