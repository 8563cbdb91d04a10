package io.ferry.common;

/**
 * The one rule that turns a MySQL identifier (any Unicode, digits first, {@code $}, {@code -}, spaces) into a
 * name the Avro specification allows, {@code [A-Za-z_][A-Za-z0-9_]*}: every other character becomes {@code _},
 * and a leading {@code _} is added if the result is empty or starts with a digit. Deterministic, so the source
 * names schemas and fields with it and the sink finds the column a field came from by applying it again.
 */
public final class AvroNames {

    private AvroNames() {
    }

    public static String adjust(String identifier) {
        StringBuilder name = new StringBuilder(identifier.length() + 1);
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            boolean valid = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
            name.append(valid ? c : '_');
        }
        if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
            name.insert(0, '_');
        }
        return name.toString();
    }
}
