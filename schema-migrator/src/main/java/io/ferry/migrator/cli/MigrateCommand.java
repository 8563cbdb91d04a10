package io.ferry.migrator.cli;

import io.ferry.migrator.schema.SchemaCopy;
import io.ferry.migrator.schema.SchemaCopyReport;
import io.ferry.migrator.schema.SchemaPhase;
import io.ferry.migrator.settings.MigratorSettings;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code migrate <settings-file> [--phase pre-data|post-data] [--dry-run] [--accounts]}: the schema copy, and with
 * {@code --accounts} the accounts of {@code accounts.include}. Prints the report (and, in a dry run, the DDL);
 * exit 0 when every object is created or skipped, 1 when one failed, 2 on usage.
 */
final class MigrateCommand {

    static final String USAGE = "migrate <settings-file> [--phase pre-data|post-data] [--dry-run] [--accounts]";

    private final PrintStream out;
    private final PrintStream err;

    MigrateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command on the arguments after {@code migrate}; returns the exit code. */
    int run(List<String> arguments) {
        List<String> args = new ArrayList<>(arguments);
        boolean dryRun = args.remove("--dry-run");
        boolean accounts = args.remove("--accounts");
        SchemaPhase phase = SchemaPhase.PRE_DATA;
        int at = args.indexOf("--phase");
        if (at >= 0) {
            if (at + 1 >= args.size()) {
                return usage("--phase needs a value: pre-data or post-data");
            }
            try {
                phase = SchemaPhase.parse(args.get(at + 1));
            } catch (IllegalArgumentException e) {
                return usage(e.getMessage());
            }
            args.subList(at, at + 2).clear();
        }
        Optional<MigratorSettings> loaded = SettingsFile.load("migrate", args, err);
        if (loaded.isEmpty()) {
            err.println("Usage: schema-migrator " + USAGE);
            return MigratorMain.EXIT_USAGE;
        }
        MigratorSettings settings = loaded.get();
        if (accounts && settings.accountsInclude().isEmpty()) {
            err.println("--accounts needs accounts.include in the settings: the user@host patterns to copy");
            return MigratorMain.EXIT_USAGE;
        }
        SchemaCopyReport report = new SchemaCopy(settings).run(phase, dryRun, accounts);
        out.print(report.toText());
        return report.exitCode();
    }

    private int usage(String problem) {
        err.println(problem);
        err.println("Usage: schema-migrator " + USAGE);
        return MigratorMain.EXIT_USAGE;
    }
}
