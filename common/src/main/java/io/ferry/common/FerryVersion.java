package io.ferry.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of Ferry this build produced, as reported by the connectors' {@code version()} and the
 * {@code ferry} command. It is written into a resource at build time, so it cannot drift from the POM.
 */
public final class FerryVersion {

    private static final String RESOURCE = "version.properties";
    private static final String VERSION = load();

    private FerryVersion() {
    }

    /** The build's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = FerryVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing build resource io/ferry/common/" + RESOURCE
                        + ": the jar was not built by Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            if (version.isEmpty() || version.startsWith("${")) {
                throw new IllegalStateException("Build resource io/ferry/common/" + RESOURCE
                        + " was not filtered: version is '" + version + "'");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read io/ferry/common/" + RESOURCE, e);
        }
    }
}
