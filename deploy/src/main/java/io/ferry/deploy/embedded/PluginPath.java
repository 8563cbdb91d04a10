package io.ferry.deploy.embedded;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Where the distribution keeps the Connect plugins ({@code plugins/} beside {@code lib/}); the system property
 * {@value #PROPERTY} overrides it (tests, unusual layouts).
 */
public final class PluginPath {

    public static final String PROPERTY = "ferry.plugin.path";

    private PluginPath() {
    }

    public static Path find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return besideLib().or(() -> existing(Path.of("deploy", "target", "ferry", "plugins")))
                .or(() -> existing(Path.of("target", "ferry", "plugins")))
                .orElseThrow(() -> new IllegalStateException("Cannot find the Connect plugins directory of the"
                        + " Ferry distribution; set -D" + PROPERTY + "=DIR"));
    }

    private static Optional<Path> besideLib() {
        CodeSource source = PluginPath.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            Path jar = Path.of(source.getLocation().toURI());
            Path lib = jar.getParent();
            return lib == null || lib.getParent() == null ? Optional.empty()
                    : existing(lib.getParent().resolve("plugins"));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> existing(Path dir) {
        return Files.isDirectory(dir) ? Optional.of(dir.toAbsolutePath()) : Optional.empty();
    }
}
