package io.ferry.migrator.cli;

import io.ferry.migrator.settings.MigratorSettings;
import io.ferry.migrator.settings.SettingsException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one settings file every command takes, once its options are removed: loaded, or a usage error said on
 * {@code err} (then the command exits with {@link MigratorMain#EXIT_USAGE}).
 */
final class SettingsFile {

    private SettingsFile() {
    }

    static Optional<MigratorSettings> load(String command, List<String> rest, PrintStream err) {
        if (rest.size() != 1 || rest.get(0).startsWith("-")) {
            err.println(command + " takes one settings file" + (rest.isEmpty() ? "" : ", got " + rest));
            return Optional.empty();
        }
        try {
            return Optional.of(MigratorSettings.load(Path.of(rest.get(0))));
        } catch (SettingsException e) {
            err.println("Invalid settings: " + e.getMessage());
            return Optional.empty();
        }
    }
}
