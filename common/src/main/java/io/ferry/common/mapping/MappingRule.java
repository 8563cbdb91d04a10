package io.ferry.common.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * One parsed rename rule: the source path (database, database.table or database.table.column) and the target
 * path. Names may be back-quoted so that dots and equals signs can be part of them; whitespace around each part
 * is ignored.
 */
record MappingRule(String text, List<String> source, List<String> target) {

    enum Kind { DATABASE, TABLE, COLUMN }

    Kind kind() {
        return Kind.values()[source.size() - 1];
    }

    static MappingRule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Name mapping rule '" + text + "' is empty; expected source=target");
        }
        List<List<String>> sides = split(text);
        if (sides.size() != 2) {
            throw invalid(text, sides.size() == 1 ? "has no '='" : "has more than one unquoted '='"
                    + " (back-quote names that contain '=')");
        }
        List<String> source = sides.get(0);
        List<String> target = sides.get(1);
        if (source.size() > 3) {
            throw invalid(text, "has " + source.size() + " source parts; expected database, database.table or"
                    + " database.table.column (back-quote names that contain '.')");
        }
        int maxTarget = source.size() == 2 ? 2 : 1;
        if (target.size() > maxTarget) {
            throw invalid(text, "has " + target.size() + " target parts; a " + describe(source.size())
                    + " rule maps onto " + (maxTarget == 2 ? "table or database.table" : "one name"));
        }
        for (List<String> side : sides) {
            for (String part : side) {
                if (part.isEmpty()) {
                    throw invalid(text, "has an empty name");
                }
            }
        }
        return new MappingRule(text, List.copyOf(source), List.copyOf(target));
    }

    static IllegalArgumentException invalid(String rule, String what) {
        return new IllegalArgumentException("Name mapping rule '" + rule + "' " + what);
    }

    private static String describe(int sourceParts) {
        return switch (sourceParts) {
            case 1 -> "database";
            case 2 -> "table";
            default -> "column";
        };
    }

    /** Splits on unquoted '=' into sides and each side on unquoted '.' into trimmed, unquoted parts. */
    private static List<List<String>> split(String text) {
        List<List<String>> sides = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quotedPart = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '`') {
                if (!part.toString().isBlank() || quotedPart) {
                    throw invalid(text, "has a back-quote in the middle of a name");
                }
                int end = closingQuote(text, i);
                part.setLength(0);
                part.append(text.substring(i + 1, end).replace("``", "`"));
                quotedPart = true;
                i = end + 1;
                continue;
            }
            if (c == '.' || c == '=') {
                parts.add(finish(part, quotedPart));
                quotedPart = false;
                if (c == '=') {
                    sides.add(parts);
                    parts = new ArrayList<>();
                }
            } else if (quotedPart) {
                if (!Character.isWhitespace(c)) {
                    throw invalid(text, "has text after a back-quoted name");
                }
            } else {
                part.append(c);
            }
            i++;
        }
        parts.add(finish(part, quotedPart));
        sides.add(parts);
        return sides;
    }

    private static String finish(StringBuilder part, boolean quoted) {
        String name = quoted ? part.toString() : part.toString().trim();
        part.setLength(0);
        return name;
    }

    private static int closingQuote(String text, int open) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == '`') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '`') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        throw invalid(text, "has an unclosed back-quote");
    }
}
