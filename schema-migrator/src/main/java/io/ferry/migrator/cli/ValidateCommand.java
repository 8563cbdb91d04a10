package io.ferry.migrator.cli;

import io.ferry.migrator.settings.MigratorSettings;
import io.ferry.migrator.settings.SettingsException;
import io.ferry.migrator.validate.Validation;
import io.ferry.migrator.validate.ValidationReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code validate <settings-file> [--json]}: compares the selected tables' data and prints the report. Exit 0
 * when every table is identical, 1 otherwise, 2 on a usage or settings error.
 */
final class ValidateCommand {

    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs with the arguments after the command name; returns the exit code. */
    int run(List<String> arguments) {
        List<String> args = new ArrayList<>(arguments);
        boolean json = args.remove("--json");
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            err.println("validate takes one settings file" + (args.isEmpty() ? "" : ", got " + args));
            return MigratorMain.EXIT_USAGE;
        }
        MigratorSettings settings;
        try {
            settings = MigratorSettings.load(Path.of(args.get(0)));
        } catch (SettingsException e) {
            err.println("Invalid settings: " + e.getMessage());
            return MigratorMain.EXIT_USAGE;
        }
        ValidationReport report = new Validation(settings).run();
        out.print(json ? report.toJson() : report.toTable());
        return report.exitCode();
    }
}
