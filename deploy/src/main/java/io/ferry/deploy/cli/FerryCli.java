package io.ferry.deploy.cli;

import io.ferry.common.FerryVersion;
import io.ferry.deploy.connect.ConnectException;
import io.ferry.deploy.connect.ConnectRestClient;
import io.ferry.deploy.connect.ConnectTarget;
import io.ferry.deploy.migrate.MigratorSteps;
import io.ferry.deploy.migrate.StepReport;
import io.ferry.deploy.task.TaskCompiler;
import io.ferry.deploy.task.TaskFile;
import io.ferry.deploy.task.TaskFileException;
import io.ferry.migrator.settings.MigratorSettings;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ferry} command. Exit codes are part of its contract, since automation reads them:
 * {@value #OK} success, {@value #FAILED} the task failed or found a problem, {@value #USAGE} usage error
 * (including a task file that cannot be used).
 */
public final class FerryCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;


    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    FerryCli(PrintStream out, PrintStream err) {
        this(out, err, System.getenv());
    }

    FerryCli(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /** Held so the JDK cannot collect the logger, and with it the level set below. */
    private static final java.util.logging.Logger BINLOG_CLIENT_LOG =
            java.util.logging.Logger.getLogger("com.github.shyiko.mysql.binlog");

    public static void main(String[] args) {
        // The terminal belongs to ferry's own output. The distribution also carries the testkit (ferry demo runs
        // its servers), whose log4j2-test.xml would otherwise win over ferry's log4j2.xml; and the binlog client
        // logs each connection through java.util.logging.
        if (System.getProperty("log4j2.configurationFile") == null) {
            java.net.URL config = FerryCli.class.getResource("/log4j2.xml");
            if (config != null) {
                System.setProperty("log4j2.configurationFile", config.toString());
            }
        }
        BINLOG_CLIENT_LOG.setLevel(java.util.logging.Level.WARNING);
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
            case "plan" -> {
                return withTask(command, rest, List.of(), (task, a) -> {
                    PlanCommand.print(task, out);
                    return OK;
                });
            }
            case "precheck" -> {
                return withTask(command, rest, List.of("--json"), (task, a) -> precheck(task, a.flag("--json")));
            }
            case "migrate" -> {
                return withTask(command, rest, List.of(), (task, a) ->
                        new MigrateCommand(task, environment, out, err).run());
            }
            case "status" -> {
                return withTask(command, rest, List.of("--json"), (task, a) ->
                        StatusCommand.run(task, environment, a.flag("--json"), out, err));
            }
            case "validate" -> {
                return withTask(command, rest, List.of("--json"), (task, a) -> validate(task, a.flag("--json")));
            }
            case "cutover" -> {
                return withTask(command, rest, List.of("--no-prompt"), (task, a) ->
                        new CutoverCommand(task, environment, out, err).run(a.flag("--no-prompt")));
            }
            case "stop", "resume", "remove" -> {
                return withTask(command, rest, List.of(), (task, a) -> connectors(command, task));
            }
            default -> {
                err.println("ferry: unknown command '" + command + "'");
                usage(err);
                return USAGE;
            }
        }
    }

    /** A command's work on a parsed task; a task file error found while working is still a usage error. */
    private interface TaskWork {
        int run(TaskFile task, TaskArguments args);
    }

    private int withTask(String command, List<String> rest, List<String> flags, TaskWork work) {
        TaskArguments args = TaskArguments.of(command, rest, flags.toArray(String[]::new));
        Optional<TaskFile> task = args.task(err);
        if (task.isEmpty()) {
            return USAGE;
        }
        try {
            return work.run(task.get(), args);
        } catch (TaskFileException e) {
            err.println("ferry " + command + ": " + e.getMessage());
            return USAGE;
        } catch (ConnectException | IllegalStateException | UncheckedIOException e) {
            // e.g. an unreachable cluster, a second ferry on the same embedded stack, a data directory not writable
            err.println("ferry " + command + ": " + e.getMessage());
            return FAILED;
        }
    }

    private int precheck(TaskFile task, boolean json) {
        MigratorSettings settings = MigratorSettings.of(new TaskCompiler(task).compile(environment)
                .migratorSettings());
        StepReport report = new MigratorSteps(settings).precheck();
        out.print(json ? report.json() : report.text());
        return report.exitCode();
    }

    private int validate(TaskFile task, boolean json) {
        MigratorSettings settings = MigratorSettings.of(new TaskCompiler(task).compile(environment)
                .migratorSettings());
        StepReport report = new MigratorSteps(settings).validate();
        out.print(json ? report.json() : report.text());
        return report.exitCode();
    }

    private int connectors(String command, TaskFile task) {
        Optional<ConnectTarget> target = ConnectTarget.of(task);
        ConnectRestClient rest = target.map(ConnectTarget::rest).orElse(null);
        if (rest == null || !rest.isUp()) {
            err.println("ferry " + command + ": " + (task.connect().isPresent()
                    ? "the Connect REST API at " + task.connect().get().url() + " does not answer"
                    : "the embedded stack of task " + task.name() + " is not running (ferry migrate starts it)"));
            return FAILED;
        }
        for (String name : List.of(task.sourceConnectorName(), task.sinkConnectorName())) {
            if (rest.status(name).isEmpty()) {
                out.println(name + ": no such connector");
                continue;
            }
            switch (command) {
                case "stop" -> rest.pause(name);
                case "resume" -> rest.resume(name);
                default -> rest.delete(name);
            }
            out.println(name + ": " + (command.equals("stop") ? "paused" : command.equals("resume") ? "resumed"
                    : "removed"));
        }
        return OK;
    }

    private int demo(List<String> args) {
        int rows = DemoCommand.DEFAULT_ROWS;
        int seconds = DemoCommand.DEFAULT_SECONDS;
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (!List.of("--rows", "--seconds").contains(option) || i + 1 >= args.size()) {
                err.println("ferry demo takes [--rows N] [--seconds S], got " + args);
                return USAGE;
            }
            int value;
            try {
                value = Integer.parseInt(args.get(i + 1));
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 1) {
                err.println("ferry demo: " + option + " needs a whole number of at least 1, got '" + args.get(i + 1)
                        + "'");
                return USAGE;
            }
            if (option.equals("--rows")) {
                rows = value;
            } else {
                seconds = value;
            }
        }
        return new DemoCommand(out, err, rows, seconds).run();
    }

    private static void usage(PrintStream to) {
        to.println("""
                usage: ferry <command> [arguments]

                  demo              migrate a sample database on an embedded single-machine stack under a
                                    live write load [--rows N (200000)] [--seconds S of incremental (10)]
                  plan TASK         print the migrator settings and connector configs a task file compiles to
                  precheck TASK     check source and destination before migrating [--json]
                  migrate TASK      run or resume a migration task, with live progress (Ctrl-C to leave)
                  status TASK       phase, counts and lag of each table, connector states [--json]
                  stop TASK         pause the task's connectors; resume TASK resumes them
                  remove TASK       delete the task's connectors (their offsets stay in Kafka)
                  validate TASK     compare source and destination by checksums, listing differing keys [--json]
                  cutover TASK      guided switch-over to the destination: catch up, stop writes, drain,
                                    delete the connectors, foreign keys and triggers, validate [--no-prompt]
                  version           print Ferry's version

                TASK is a task file (YAML), see config/task-example.yaml.
                exit codes: 0 success, 1 the task failed or found a problem, 2 usage error""");
    }
}
