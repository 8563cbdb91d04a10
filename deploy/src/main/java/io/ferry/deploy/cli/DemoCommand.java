package io.ferry.deploy.cli;

import io.ferry.deploy.connect.ConnectRestClient;
import io.ferry.deploy.cutover.Cutover;
import io.ferry.deploy.cutover.CutoverReport;
import io.ferry.deploy.demo.SampleShop;
import io.ferry.deploy.demo.ShopWorkload;
import io.ferry.deploy.embedded.EmbeddedStack;
import io.ferry.deploy.embedded.PluginPath;
import io.ferry.deploy.migrate.MigratorSteps;
import io.ferry.deploy.progress.StatusProbe;
import io.ferry.deploy.progress.TaskStatus;
import io.ferry.deploy.task.CompiledTask;
import io.ferry.deploy.task.TaskCompiler;
import io.ferry.deploy.task.TaskFile;
import io.ferry.deploy.task.TaskFileParser;
import io.ferry.migrator.settings.MigratorSettings;
import io.ferry.testkit.mysql.MySqlServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ferry demo [--rows N] [--seconds S]}: a whole migration on this machine with nothing but a JDK. Two
 * MariaDB servers (the binaries the tests use), the sample {@code shop} database with every object kind and a live
 * write workload on the source, the embedded broker and Connect worker, then the task's real steps: precheck,
 * schema, snapshot and binlog streaming, an incremental phase, a cutover that stops the workload, and validation.
 * Everything it started is removed on exit, Ctrl-C included.
 */
final class DemoCommand {

    static final int DEFAULT_ROWS = 200_000;
    static final int DEFAULT_SECONDS = 10;
    private static final int WORKLOAD_PER_SECOND = 100;

    private final PrintStream out;
    private final PrintStream err;
    private final int rows;
    private final int incrementalSeconds;

    DemoCommand(PrintStream out, PrintStream err, int rows, int incrementalSeconds) {
        this.out = out;
        this.err = err;
        this.rows = rows;
        this.incrementalSeconds = incrementalSeconds;
    }

    int run() {
        Path dir;
        try {
            dir = Files.createTempDirectory("ferry-demo-");
        } catch (IOException e) {
            err.println("ferry demo: cannot create a working directory: " + e.getMessage());
            return FerryCli.FAILED;
        }
        Resources resources = new Resources(dir);
        Thread cleanup = new Thread(resources::close, "ferry-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return demo(resources);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ferry demo: interrupted");
            return FerryCli.FAILED;
        } catch (SQLException | RuntimeException e) {
            err.println("ferry demo: " + e.getMessage());
            return FerryCli.FAILED;
        } finally {
            resources.close();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // the JVM is shutting down and the hook is closing the same resources
            }
        }
    }

    private int demo(Resources resources) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        out.println("[1/6] Starting a source and a destination MariaDB server ...");
        resources.source = MySqlServer.forRole("demo-source").build().start();
        resources.destination = MySqlServer.forRole("demo-destination").build().start();
        out.printf(Locale.ROOT, "      source %s:%d, destination %s:%d (MariaDB %s)%n", resources.source.host(),
                resources.source.port(), resources.destination.host(), resources.destination.port(),
                resources.source.version());

        out.printf(Locale.ROOT, "[2/6] Loading the sample database 'shop' (about %,d rows) ...%n", rows);
        long sourceRows;
        try (Connection connection = resources.source.connect()) {
            SampleShop.create(connection, rows);
            sourceRows = SampleShop.rowCount(connection);
        }
        out.printf(Locale.ROOT, "      %,d rows in %d tables, with a foreign key, a view on a view, a function, a"
                + " procedure and a trigger%n", sourceRows, SampleShop.TABLES.size());

        TaskFile task = TaskFileParser.parse(taskYaml(resources));
        CompiledTask compiled = new TaskCompiler(task).compile(Map.of());
        MigratorSettings settings = MigratorSettings.of(compiled.migratorSettings());
        MigratorSteps migrator = new MigratorSteps(settings);

        out.printf(Locale.ROOT, "[3/6] The application writes to the source (%d transactions/s) from now on%n",
                WORKLOAD_PER_SECOND);
        resources.workload = new ShopWorkload(() -> connect(resources.source), WORKLOAD_PER_SECOND);
        resources.workload.start();

        out.println("[4/6] ferry migrate: precheck, schema, snapshot, then the binlog");
        MigrateCommand migrate = new MigrateCommand(task, Map.of(), out, err);
        if (!migrate.preData(migrator)) {
            return FerryCli.FAILED;
        }
        resources.stack = EmbeddedStack.start(task.embedded().dataDir(), 0, 0, PluginPath.find(), "ferry-demo");
        out.printf(Locale.ROOT, "      embedded Kafka broker and Connect worker up in %.1f s%n",
                resources.stack.startupTime().toMillis() / 1000.0);
        ConnectSession session = ConnectSession.on(resources.stack);
        ConnectRestClient rest = session.target().rest();
        long copyStarted = System.nanoTime();
        MigrateCommand.deploy(rest, task.sourceConnectorName(), compiled.sourceConnector().orElseThrow());
        MigrateCommand.deploy(rest, task.sinkConnectorName(), compiled.sinkConnector().orElseThrow());
        StatusProbe probe = new StatusProbe(task, settings, session.target(), Clock.systemUTC());
        TaskStatus caughtUp = migrate.watch(probe, s -> "incremental".equals(s.phase()) && s.undelayed());
        if (caughtUp == null) {
            return FerryCli.FAILED;
        }
        double copySeconds = (System.nanoTime() - copyStarted) / 1e9;
        out.printf(Locale.ROOT, "      full copy applied and the binlog caught up after %.1f s; the incremental"
                + " phase runs for %d s ...%n", copySeconds, incrementalSeconds);
        double maxLag = 0;
        long until = System.nanoTime() + Duration.ofSeconds(incrementalSeconds).toNanos();
        while (System.nanoTime() < until) {
            TaskStatus status = probe.probe();
            maxLag = Math.max(maxLag, status.lagSeconds().orElse(0.0));
            Thread.sleep(1000);
        }

        out.println("[5/6] ferry cutover --no-prompt (the demo stops its own application at step 2)");
        Cutover cutover = new Cutover(task, settings, session.target(), migrator, CutoverCommand.WAIT, out);
        CutoverReport report = cutover.run(() -> {
            resources.workload.close();
            return true;
        });
        out.print(report.toText());

        out.println("[6/6] Report");
        long destinationRows;
        try (Connection connection = resources.destination.connect()) {
            destinationRows = SampleShop.rowCount(connection);
        }
        out.printf(Locale.ROOT, "      rows in the source at the start       %,d%n", sourceRows);
        out.printf(Locale.ROOT, "      transactions written during the move  %,d%n",
                resources.workload.transactions());
        out.printf(Locale.ROOT, "      rows in the destination at the end    %,d%n", destinationRows);
        out.printf(Locale.ROOT, "      full copy + catch-up                  %.1f s (%,.0f rows/s)%n", copySeconds,
                sourceRows / copySeconds);
        out.printf(Locale.ROOT, "      highest lag while incremental         %.1f s%n", maxLag);
        out.printf(Locale.ROOT, "      validation                            %s%n",
                report.complete() ? "identical" : "NOT identical or not run (see above)");
        out.printf(Locale.ROOT, "      total demo time                       %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        return report.complete() ? FerryCli.OK : FerryCli.FAILED;
    }

    private String taskYaml(Resources resources) {
        return String.join("\n",
                "name: demo",
                "source: { host: " + resources.source.host() + ", port: " + resources.source.port() + ", user: "
                        + resources.source.user() + ", password: \"" + resources.source.password() + "\" }",
                "destination: { host: " + resources.destination.host() + ", port: " + resources.destination.port()
                        + ", user: " + resources.destination.user() + ", password: \""
                        + resources.destination.password() + "\" }",
                "objects:",
                "  include: [ \"" + SampleShop.DATABASE + ".*\" ]",
                "migration:",
                "  types: [ schema, full, incremental ]",
                "embedded:",
                "  data-dir: " + resources.dir.resolve("stack"),
                "");
    }

    private static Connection connect(MySqlServer server) {
        try {
            return server.connect();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + server + ": " + e.getMessage(), e);
        }
    }

    /** What the demo started, closed in reverse order exactly once (normal end, failure or Ctrl-C). */
    private static final class Resources {
        private final Path dir;
        private MySqlServer source;
        private MySqlServer destination;
        private ShopWorkload workload;
        private EmbeddedStack stack;
        private boolean closed;

        Resources(Path dir) {
            this.dir = dir;
        }

        synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (workload != null) {
                    workload.close();
                }
            } catch (InterruptedException | RuntimeException e) {
                // the workload's failure was reported where it happened; cleanup goes on
            }
            if (stack != null) {
                stack.close();
            }
            for (MySqlServer server : new MySqlServer[] {destination, source}) {
                if (server != null) {
                    server.close();
                }
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove " + dir, e);
            }
        }
    }
}
