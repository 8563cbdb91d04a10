package io.ferry.deploy.task;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A password in a task file: a literal, or a reference that keeps it out of the file, {@code ${env:VAR}} (an
 * environment variable) or {@code ${file:path:key}} (a key of a properties file, as Kafka's
 * {@code FileConfigProvider} reads it). References use the syntax of Kafka's config providers, so they can be
 * handed to a Connect worker unresolved. Never printed: {@link #toString()} masks it.
 *
 * @param path  where it sits in the task file, for error messages
 * @param value as written
 */
public record Secret(String path, String value) {

    /** What a masked literal secret prints as. */
    public static final String MASK = "********";

    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern FILE = Pattern.compile("\\$\\{file:([^:}]+):([^}]+)}");
    private static final Pattern ANY_REFERENCE = Pattern.compile("\\$\\{[^}]*}");

    public Secret {
        if (ANY_REFERENCE.matcher(value).find() && !isReference(value)) {
            throw new TaskFileException(path, "'" + value + "' is not a secret reference: use ${env:VAR} or"
                    + " ${file:path:key}, or a literal without ${");
        }
    }

    public static Secret empty(String path) {
        return new Secret(path, "");
    }

    private static boolean isReference(String value) {
        return ENV.matcher(value).matches() || FILE.matcher(value).matches();
    }

    /** Whether the value is a reference rather than the secret itself. */
    public boolean isReference() {
        return isReference(value);
    }

    /** The value to show: a reference as written (it holds no secret), a literal masked. */
    public String masked() {
        return isReference() || value.isEmpty() ? value : MASK;
    }

    /** The secret itself, read from the environment or file it refers to. */
    public String resolve(Map<String, String> environment) {
        Matcher env = ENV.matcher(value);
        if (env.matches()) {
            String resolved = environment.get(env.group(1));
            if (resolved == null) {
                throw new TaskFileException(path, "the environment variable " + env.group(1) + " is not set");
            }
            return resolved;
        }
        Matcher file = FILE.matcher(value);
        if (file.matches()) {
            return fromFile(Path.of(file.group(1)), file.group(2));
        }
        return value;
    }

    private String fromFile(Path file, String key) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new TaskFileException(path, "cannot read " + file + ": " + e.getMessage(), e);
        }
        String resolved = properties.getProperty(key);
        if (resolved == null) {
            throw new TaskFileException(path, file + " has no key '" + key + "'");
        }
        return resolved;
    }

    @Override
    public String toString() {
        return masked();
    }
}
