package io.ferry.deploy.cli;

import io.ferry.common.FerryVersion;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code ferry} command. Exit codes are part of its contract, since automation reads them:
 * {@value #OK} success, {@value #FAILED} the task failed or found a problem, {@value #USAGE} usage error.
 */
public final class FerryCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** Commands that are designed (see the README) but do not run yet. */
    private static final List<String> PLANNED = List.of("precheck", "plan", "migrate", "status", "validate",
            "cutover");

    private final PrintStream out;
    private final PrintStream err;

    FerryCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new FerryCli(System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length == 0) {
            usage(err);
            return USAGE;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (command) {
            case "help", "-h", "--help" -> {
                usage(out);
                return OK;
            }
            case "version", "--version" -> {
                out.println("ferry " + FerryVersion.get());
                return OK;
            }
            case "demo" -> {
                return demo(rest);
            }
            default -> {
                if (PLANNED.contains(command)) {
                    err.println("ferry " + command + ": not implemented yet in ferry " + FerryVersion.get()
                            + " (see the status table in README.md)");
                    return FAILED;
                }
                err.println("ferry: unknown command '" + command + "'");
                usage(err);
                return USAGE;
            }
        }
    }

    private int demo(List<String> args) {
        if (!args.isEmpty()) {
            err.println("ferry demo takes no arguments");
            return USAGE;
        }
        out.println("ferry demo: not implemented yet in ferry " + FerryVersion.get() + ".");
        out.println("It will start a source and a destination server and an embedded Kafka Connect stack on"
                + " this machine, and migrate a sample database between them with no downtime.");
        out.println("What works today is listed in the status table in README.md.");
        return OK;
    }

    private static void usage(PrintStream to) {
        to.println("""
                usage: ferry <command> [arguments]

                  demo              migrate a sample database on an embedded single-machine stack
                  precheck TASK     check source and destination before migrating (planned)
                  plan TASK         print the connector configs a task file compiles to (planned)
                  migrate TASK      run or resume a migration task (planned)
                  status TASK       phase, counts and lag of each table (planned)
                  validate TASK     compare source and destination checksums (planned)
                  version           print Ferry's version

                exit codes: 0 success, 1 the task failed or found a problem, 2 usage error""");
    }
}
