package io.ferry.migrator.cli;

import io.ferry.migrator.settings.MigratorSettings;
import io.ferry.migrator.validate.Validation;
import io.ferry.migrator.validate.ValidationReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        Optional<MigratorSettings> settings = SettingsFile.load("validate", args, err);
        if (settings.isEmpty()) {
            return MigratorMain.EXIT_USAGE;
        }
        ValidationReport report = new Validation(settings.get()).run();
        out.print(json ? report.toJson() : report.toTable());
        return report.exitCode();
    }
}
