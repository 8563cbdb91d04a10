package io.ferry.deploy.cli;

import io.ferry.deploy.cutover.Cutover;
import io.ferry.deploy.cutover.CutoverReport;
import io.ferry.deploy.migrate.MigratorSteps;
import io.ferry.deploy.task.TaskCompiler;
import io.ferry.deploy.task.TaskFile;
import io.ferry.migrator.settings.MigratorSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ferry cutover TASK [--no-prompt]}: the guided switch-over ({@link Cutover}). Without {@code --no-prompt}
 * it asks on the terminal to stop the application's writes and waits for the answer.
 */
final class CutoverCommand {

    /** How long each waiting step may take before the cutover stops and says why. */
    static final Duration WAIT = Duration.ofMinutes(30);

    private final TaskFile task;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    CutoverCommand(TaskFile task, Map<String, String> environment, PrintStream out, PrintStream err) {
        this.task = task;
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    int run(boolean noPrompt) {
        MigratorSettings settings = MigratorSettings.of(new TaskCompiler(task).compile(environment)
                .migratorSettings());
        try (ConnectSession session = ConnectSession.open(task, out)) {
            Cutover cutover = new Cutover(task, settings, session.target(), new MigratorSteps(settings), WAIT, out);
            CutoverReport report = cutover.run(noPrompt ? () -> true : this::ask);
            out.print(report.toText());
            return report.complete() ? FerryCli.OK : FerryCli.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ferry cutover: interrupted; run it again to go on (finished steps are skipped or"
                    + " repeated harmlessly)");
            return FerryCli.FAILED;
        }
    }

    private boolean ask() {
        out.println("The destination has caught up. Stop the application's writes to the source now, then type"
                + " 'yes' and Enter (anything else aborts; nothing has been changed yet):");
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.trim().toLowerCase(Locale.ROOT).equals("yes");
        } catch (IOException e) {
            err.println("ferry cutover: cannot read the answer: " + e.getMessage());
            return false;
        }
    }
}
