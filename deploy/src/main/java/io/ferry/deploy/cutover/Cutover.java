package io.ferry.deploy.cutover;

import io.ferry.deploy.connect.ConnectRestClient;
import io.ferry.deploy.connect.ConnectTarget;
import io.ferry.deploy.migrate.MigrationSteps;
import io.ferry.deploy.migrate.StepReport;
import io.ferry.deploy.progress.StatusProbe;
import io.ferry.deploy.task.TaskFile;
import io.ferry.migrator.schema.SchemaPhase;
import io.ferry.migrator.settings.MigratorSettings;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The switch-over from source to destination, DTS's steps in order. Nothing irreversible happens before the
 * application's writes have stopped and the destination holds everything the source's binlog had at that moment:
 * <ol>
 *   <li>wait until the task is undelayed (no change waiting a second or more);</li>
 *   <li>the application stops writing to the source (asked, or assumed with {@code --no-prompt});</li>
 *   <li>read the source's binlog end: the last change the destination must get;</li>
 *   <li>wait until the source connector has streamed past it (its committed offset);</li>
 *   <li>wait until the sink has applied every record in the change topics;</li>
 *   <li>delete both connectors, so that no task can resume later and overwrite the destination;</li>
 *   <li>schema post-data: foreign keys and triggers, which would have fired twice during replication;</li>
 *   <li>validate every selected table by checksums.</li>
 * </ol>
 */
public final class Cutover {

    static final int STEPS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(Cutover.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final TaskFile task;
    private final MigratorSettings settings;
    private final ConnectTarget target;
    private final MigrationSteps migrator;
    private final Duration timeout;
    private final PrintStream out;

    public Cutover(TaskFile task, MigratorSettings settings, ConnectTarget target, MigrationSteps migrator,
                   Duration timeout, PrintStream out) {
        this.task = task;
        this.settings = settings;
        this.target = target;
        this.migrator = migrator;
        this.timeout = timeout;
        this.out = out;
    }

    public CutoverReport run(WriteStop writeStop) throws InterruptedException {
        CutoverReport report = new CutoverReport();
        StatusProbe probe = new StatusProbe(task, settings, target, java.time.Clock.systemUTC());
        ConnectRestClient rest = target.rest();
        if (rest.status(task.sourceConnectorName()).isEmpty() && rest.status(task.sinkConnectorName()).isEmpty()) {
            // An earlier cutover got past deleting the connectors; what is left is idempotent.
            out.println("The connectors of " + task.name() + " are gone (an earlier cutover deleted them):"
                    + " going on with post-data and validation.");
            for (String title : List.of("Wait until the destination has caught up", "Stop writes to the source",
                    "Read the source's binlog end", "Wait until the source connector has streamed past it",
                    "Wait until the sink has applied every change", "Delete the connectors")) {
                report.add(new CutoverReport.Step(title, true, "done by an earlier cutover", 0));
            }
            return finish(report);
        }
        if (!step(report, 1, "Wait until the destination has caught up", () ->
                "lag " + probe.awaitUndelayed(timeout, POLL).lagSeconds().map(l -> l + " s").orElse("unknown"))) {
            return report;
        }
        if (!step(report, 2, "Stop writes to the source", () -> {
            if (!writeStop.confirmed()) {
                throw new IllegalStateException("aborted: writes to the source were not confirmed stopped;"
                        + " nothing was changed");
            }
            return "confirmed";
        })) {
            return report;
        }
        BinlogPoint[] end = new BinlogPoint[1];
        if (!step(report, 3, "Read the source's binlog end", () -> {
            try (Connection source = settings.source().connect()) {
                end[0] = BinlogPoint.endOf(source);
            }
            return end[0].toString();
        })) {
            return report;
        }
        if (!step(report, 4, "Wait until the source connector has streamed past it", () ->
                awaitStreamedPast(rest, end[0]).toString())) {
            return report;
        }
        if (!step(report, 5, "Wait until the sink has applied every change", () ->
                probe.awaitDrained(timeout, POLL).pending() + " records pending")) {
            return report;
        }
        if (!step(report, 6, "Delete the connectors", () -> {
            rest.delete(task.sourceConnectorName());
            rest.delete(task.sinkConnectorName());
            return task.sourceConnectorName() + ", " + task.sinkConnectorName();
        })) {
            return report;
        }
        return finish(report);
    }

    /** Steps 7 and 8, which are idempotent. */
    private CutoverReport finish(CutoverReport report) throws InterruptedException {
        if (!step(report, 7, "Schema post-data (foreign keys, triggers)", () -> {
            if (!task.includes("schema")) {
                return "skipped: schema is not among the task's migration types";
            }
            StepReport schema = migrator.schema(SchemaPhase.POST_DATA, false);
            out.print(schema.text());
            if (!schema.ok()) {
                throw new IllegalStateException("the post-data schema copy failed (see above); rerun it with"
                        + " ferry cutover TASK, which skips what is done");
            }
            return "done";
        })) {
            return report;
        }
        step(report, 8, "Validate every table", () -> {
            StepReport validation = migrator.validate();
            report.validation(validation.text());
            out.print(validation.text());
            if (!validation.ok()) {
                throw new IllegalStateException("source and destination differ (see above)");
            }
            return "identical";
        });
        return report;
    }

    private BinlogPoint awaitStreamedPast(ConnectRestClient rest, BinlogPoint end) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<BinlogPoint> streamed = BinlogPoint.streamedBy(rest.offsets(task.sourceConnectorName()));
            if (streamed.isPresent() && streamed.get().compareTo(end) >= 0) {
                return streamed.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the source connector's committed position "
                        + streamed.map(BinlogPoint::toString).orElse("(none yet)") + " did not reach " + end
                        + " within " + timeout.toMinutes() + " min; are writes really stopped, and is the source"
                        + " connector running?");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** What a step does; returns a one-line detail for the report. */
    @FunctionalInterface
    private interface Action {
        String run() throws InterruptedException, SQLException;
    }

    private boolean step(CutoverReport report, int number, String title, Action action) throws InterruptedException {
        out.printf(Locale.ROOT, "Cutover step %d of %d: %s ...%n", number, STEPS, title);
        LOG.info("Cutover of {}: step {} of {}: {}", task.name(), number, STEPS, title);
        long start = System.nanoTime();
        try {
            String detail = action.run();
            report.add(new CutoverReport.Step(title, true, detail, seconds(start)));
            return true;
        } catch (SQLException | RuntimeException e) {
            String detail = e.getMessage() == null ? e.toString() : e.getMessage();
            report.add(new CutoverReport.Step(title, false, detail, seconds(start)));
            LOG.warn("Cutover of {} stopped at step {}: {}", task.name(), number, detail);
            return false;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
