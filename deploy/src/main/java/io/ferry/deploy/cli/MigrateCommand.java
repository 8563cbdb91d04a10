package io.ferry.deploy.cli;

import io.ferry.deploy.connect.ConnectRestClient;
import io.ferry.deploy.connect.ConnectTarget;
import io.ferry.deploy.embedded.EmbeddedStack;
import io.ferry.deploy.embedded.PluginPath;
import io.ferry.deploy.embedded.StackPorts;
import io.ferry.deploy.migrate.MigrationSteps;
import io.ferry.deploy.migrate.MigratorSteps;
import io.ferry.deploy.migrate.StepReport;
import io.ferry.deploy.progress.Alerts;
import io.ferry.deploy.progress.ProgressView;
import io.ferry.deploy.progress.StatusProbe;
import io.ferry.deploy.progress.TaskStatus;
import io.ferry.deploy.task.CompiledTask;
import io.ferry.deploy.task.TaskCompiler;
import io.ferry.deploy.task.TaskFile;
import io.ferry.migrator.schema.SchemaPhase;
import io.ferry.migrator.settings.MigratorSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code ferry migrate TASK}: precheck, schema pre-data, both connectors created or updated, then live progress
 * until Ctrl-C (or, with schema and full only, until the full copy is applied). Connectors that already exist
 * mean a re-run: the precheck and schema steps ran before, and the connectors resume from their offsets.
 */
final class MigrateCommand {

    private static final Duration REFRESH = Duration.ofSeconds(2);
    private static final Duration PLAIN_OUTPUT_EVERY = Duration.ofSeconds(10);

    private final TaskFile task;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final Function<MigratorSettings, MigrationSteps> steps;

    MigrateCommand(TaskFile task, Map<String, String> environment, PrintStream out, PrintStream err) {
        this(task, environment, out, err, MigratorSteps::new);
    }

    MigrateCommand(TaskFile task, Map<String, String> environment, PrintStream out, PrintStream err,
                   Function<MigratorSettings, MigrationSteps> steps) {
        this.task = task;
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.steps = steps;
    }

    int run() {
        CompiledTask compiled = new TaskCompiler(task).compile(environment);
        MigratorSettings settings = MigratorSettings.of(compiled.migratorSettings());
        MigrationSteps migrator = steps.apply(settings);
        if (compiled.sourceConnector().isEmpty()) {
            return preData(migrator) ? FerryCli.OK : FerryCli.FAILED;
        }
        Thread main = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            main.interrupt();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ferry-migrate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        EmbeddedStack stack = null;
        try {
            // A first run on the embedded stack checks before starting it: a failed precheck costs no start-up.
            boolean checked = task.connect().isEmpty() && StackPorts.read(task.embedded().dataDir()).isEmpty();
            if (checked && !preData(migrator)) {
                return FerryCli.FAILED;
            }
            ConnectTarget target;
            if (task.connect().isEmpty()) {
                out.println("Starting the embedded Kafka broker and Connect worker in " + task.embedded().dataDir()
                        + " ...");
                stack = EmbeddedStack.start(task.embedded().dataDir(), task.embedded().restPort(),
                        task.embedded().kafkaPort(), PluginPath.find(), "ferry-" + task.name());
                out.printf(Locale.ROOT, "Embedded stack up in %.1f s: Connect REST %s, Kafka %s%n",
                        stack.startupTime().toMillis() / 1000.0, stack.restUrl(), stack.bootstrapServers());
                target = new ConnectTarget(stack.restUrl(), stack.bootstrapServers(), true);
            } else {
                target = ConnectTarget.of(task).orElseThrow();
                if (!target.rest().isUp()) {
                    err.println("ferry migrate: the Connect REST API at " + target.restUrl() + " does not answer");
                    return FerryCli.FAILED;
                }
            }
            ConnectRestClient rest = target.rest();
            boolean resuming = rest.status(task.sourceConnectorName()).isPresent()
                    || rest.status(task.sinkConnectorName()).isPresent();
            if (resuming) {
                out.println("The connectors of " + task.name() + " exist: resuming from their offsets (precheck and"
                        + " schema pre-data ran when they were created).");
                for (String name : List.of(task.sourceConnectorName(), task.sinkConnectorName())) {
                    rest.status(name).filter(st -> "PAUSED".equals(st.state())).ifPresent(st -> out.println(name
                            + " is paused (ferry stop); ferry resume " + task.name() + " continues it."));
                }
            } else if (!checked && !preData(migrator)) {
                return FerryCli.FAILED;
            }
            // The source first: it creates the topics the sink's regex subscription then finds.
            out.println(deploy(rest, task.sourceConnectorName(), compiled.sourceConnector().get()) + " on "
                    + target.restUrl());
            out.println(deploy(rest, task.sinkConnectorName(), compiled.sinkConnector().orElseThrow()) + " on "
                    + target.restUrl());
            return watch(new StatusProbe(task, settings, target, Clock.systemUTC()));
        } catch (InterruptedException e) {
            if (stack == null && task.connect().isPresent()) {
                out.println("Left the progress view; the connectors keep running on " + task.connect().get().url()
                        + " (ferry status, stop or remove " + task.name() + ").");
            }
            return FerryCli.OK;
        } finally {
            if (stack != null) {
                out.println("Stopping the embedded stack (ferry migrate resumes it) ...");
                stack.close();
            }
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running and waits for this block
            }
        }
    }

    /** Creates the connector, or updates it if its config changed (an update restarts it); says which. */
    static String deploy(ConnectRestClient rest, String name, Map<String, String> config) {
        Optional<Map<String, String>> current = rest.config(name).map(c -> {
            Map<String, String> withoutName = new HashMap<>(c);
            withoutName.remove("name");
            return withoutName;
        });
        if (current.isPresent() && current.get().equals(config)) {
            return name + ": unchanged, running";
        }
        rest.putConfig(name, config);
        return name + (current.isPresent() ? ": config updated" : ": created");
    }

    /** Precheck, then the schema's pre-data phase; false (after saying why) if the task must not go on. */
    boolean preData(MigrationSteps migrator) {
        out.println("Precheck ...");
        StepReport precheck = migrator.precheck();
        out.print(precheck.text());
        if (!precheck.ok()) {
            err.println("ferry migrate: the precheck failed; fix the items above and run ferry migrate again");
            return false;
        }
        if (!task.includes("schema")) {
            return true;
        }
        out.println("Schema, pre-data phase ...");
        StepReport schema = migrator.schema(SchemaPhase.PRE_DATA, false);
        out.print(schema.text());
        if (!schema.ok()) {
            err.println("ferry migrate: the schema copy failed; fix the objects above and run ferry migrate again"
                    + " (what was created is kept and skipped)");
        }
        return schema.ok();
    }

    private int watch(StatusProbe probe) throws InterruptedException {
        return watch(probe, status -> "done".equals(status.phase())) != null ? FerryCli.OK : FerryCli.FAILED;
    }

    /**
     * Shows live progress until {@code until} holds (returns that status) or the task fails (returns null after
     * saying why).
     */
    TaskStatus watch(StatusProbe probe, Predicate<TaskStatus> until) throws InterruptedException {
        boolean interactive = System.console() != null;
        ProgressView view = new ProgressView();
        Alerts alerts = new Alerts(task.alerts());
        int lastLines = 0;
        long lastPrint = 0;
        String lastPhase = "";
        while (true) {
            TaskStatus status;
            try {
                status = probe.probe();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                err.println("ferry migrate: cannot read the progress: " + e.getMessage());
                Thread.sleep(REFRESH.toMillis());
                continue;
            }
            alerts.check(status);
            String text = view.render(status);
            long now = System.nanoTime();
            if (interactive) {
                out.print(lastLines > 0 ? "\u001b[" + lastLines + "F\u001b[J" + text : text);
                lastLines = (int) text.lines().count();
            } else if (!status.phase().equals(lastPhase) || now - lastPrint > PLAIN_OUTPUT_EVERY.toNanos()) {
                out.print(text);
                lastPrint = now;
            }
            lastPhase = status.phase();
            if (status.failed()) {
                err.println("ferry migrate: the task failed: " + String.join("; ", status.errors()));
                return null;
            }
            if (until.test(status)) {
                if ("done".equals(status.phase())) {
                    out.println("The full copy is applied.");
                }
                return status;
            }
            Thread.sleep(REFRESH.toMillis());
        }
    }
}
