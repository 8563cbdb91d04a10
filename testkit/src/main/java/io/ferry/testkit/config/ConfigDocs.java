package io.ferry.testkit.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/** Checks that a {@link ConfigDef} documents itself well enough to generate the config reference from. */
public final class ConfigDocs {

    private ConfigDocs() {
    }

    /**
     * The problems with {@code def}'s documentation, one line each: a key without documentation, a key in
     * no group, or documentation that is not a sentence. Empty when every key is documented.
     */
    public static List<String> problems(ConfigDef def) {
        List<String> problems = new ArrayList<>();
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            String doc = key.documentation == null ? "" : key.documentation.trim();
            if (doc.isEmpty()) {
                problems.add(key.name + ": no documentation");
            } else if (!doc.endsWith(".")) {
                problems.add(key.name + ": documentation is not a full sentence ending in '.': " + doc);
            }
            if (key.group == null || key.group.isBlank()) {
                problems.add(key.name + ": in no group");
            }
            if (key.displayName == null || key.displayName.isBlank()) {
                problems.add(key.name + ": no display name");
            }
        }
        return problems;
    }

    /** The config reference of {@code def} as Markdown: one table per group, keys in definition order. */
    public static String markdown(String title, ConfigDef def) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n")
                .append("Generated from the connector's ConfigDef by its ConfigReferenceTest; do not edit.\n");
        for (String group : def.groups()) {
            md.append("\n## ").append(group).append("\n\n")
                    .append("| key | type | default | valid values | importance | description |\n")
                    .append("| --- | --- | --- | --- | --- | --- |\n");
            def.configKeys().values().stream().filter(key -> group.equals(key.group))
                    .sorted(Comparator.comparingInt(key -> key.orderInGroup))
                    .forEach(key -> md.append("| `").append(key.name).append("` | ")
                            .append(key.type.name().toLowerCase(Locale.ROOT))
                            .append(" | ").append(defaultText(key))
                            .append(" | ").append(key.validator == null ? "" : cell(key.validator.toString()))
                            .append(" | ").append(key.importance.name().toLowerCase(Locale.ROOT))
                            .append(" | ").append(cell(key.documentation)).append(" |\n"));
        }
        return md.toString();
    }

    /**
     * Fails if the committed reference at {@code file} differs from what {@code def} generates. With the system
     * property {@code ferry.docs.write=true} it rewrites the file instead.
     */
    public static void assertReferenceUpToDate(String title, ConfigDef def, Path file) {
        assertReferenceUpToDate(title, def, List.of(), file);
    }

    /**
     * As {@link #assertReferenceUpToDate(String, ConfigDef, Path)}, with a section for keys a ConfigDef cannot
     * declare because their names vary (e.g. one key per table), each a Markdown paragraph.
     */
    public static void assertReferenceUpToDate(String title, ConfigDef def, List<String> patternKeys, Path file) {
        StringBuilder text = new StringBuilder(markdown(title, def));
        if (!patternKeys.isEmpty()) {
            text.append("\n## Keys named by pattern\n");
            patternKeys.forEach(doc -> text.append("\n").append(doc).append("\n"));
        }
        String expected = text.toString();
        try {
            if (Boolean.getBoolean("ferry.docs.write")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, expected, StandardCharsets.UTF_8);
                return;
            }
            String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (!actual.equals(expected)) {
                throw new AssertionError(file + " is out of date with the ConfigDef; regenerate it with"
                        + " -Dferry.docs.write=true (see the README's section on config references)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String defaultText(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        Object value = key.defaultValue;
        if (value instanceof Password) {
            return "\"\"";
        }
        String text = ConfigDef.convertToString(value, key.type);
        return text == null ? "null" : text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String cell(String text) {
        return Objects.toString(text, "").replace("|", "\\|").replace("\n", " ");
    }
}
