package io.ferry.migrator.cli;

import io.ferry.migrator.assess.Assessment;
import io.ferry.migrator.precheck.Precheck;
import io.ferry.migrator.precheck.PrecheckReport;
import io.ferry.migrator.settings.MigratorSettings;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The schema migrator's command line: {@code precheck <settings-file> [--json] [--assess]}; {@code migrate} is
 * {@link MigrateCommand}; {@code validate} is {@link ValidateCommand}. Exit codes: 0 success, 1 failures, 2 usage.
 */
public final class MigratorMain {

    public static final int EXIT_USAGE = 2;

    private static final String USAGE = """
            Usage: schema-migrator <command> [options]
              precheck <settings-file> [--json]   check that the migration can run (exit 0 ok, 1 failures)
                       [--assess]                 also assess engines, key lengths, partitions, special indexes,
                                                  generated columns and references outside the selection
              migrate <settings-file> [--phase pre-data|post-data] [--dry-run] [--accounts]
                                                  copy the schema (exit 0 ok, 1 failures)
              validate <settings-file> [--json]   compare source and destination data (exit 0 identical, 1 not)
              help                                this text and the settings keys
            """;

    private final PrintStream out;
    private final PrintStream err;

    public MigratorMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new MigratorMain(System.out, System.err).run(args));
    }

    /** Runs one command and returns its exit code. */
    public int run(String... args) {
        if (args.length == 0) {
            err.print(USAGE);
            return EXIT_USAGE;
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        return switch (args[0]) {
            case "precheck" -> precheck(rest);
            case "validate" -> new ValidateCommand(out, err).run(rest);
            case "migrate" -> new MigrateCommand(out, err).run(rest);
            case "help", "--help", "-h" -> {
                out.print(USAGE);
                out.println("\nSettings keys (.properties):");
                for (Map.Entry<String, String> key : MigratorSettings.KEYS.entrySet()) {
                    out.printf("  %-28s %s%n", key.getKey(), key.getValue());
                }
                yield 0;
            }
            default -> usage("Unknown command '" + args[0] + "'");
        };
    }

    private int precheck(List<String> args) {
        boolean json = args.remove("--json");
        boolean assess = args.remove("--assess");
        Optional<MigratorSettings> settings = SettingsFile.load("precheck", args, err);
        if (settings.isEmpty()) {
            err.print(USAGE);
            return EXIT_USAGE;
        }
        PrecheckReport report = new Precheck(settings.get(),
                assess ? Assessment.withPrecheck() : Precheck.standardItems()).run();
        out.print(json ? report.toJson() : report.toTable());
        return report.exitCode();
    }

    private int usage(String problem) {
        err.println(problem);
        err.print(USAGE);
        return EXIT_USAGE;
    }
}
