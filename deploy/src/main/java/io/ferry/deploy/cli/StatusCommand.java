package io.ferry.deploy.cli;

import io.ferry.deploy.connect.ConnectRestClient;
import io.ferry.deploy.connect.ConnectTarget;
import io.ferry.deploy.progress.ProgressView;
import io.ferry.deploy.progress.StatusJson;
import io.ferry.deploy.progress.StatusProbe;
import io.ferry.deploy.progress.TaskStatus;
import io.ferry.deploy.task.TaskCompiler;
import io.ferry.deploy.task.TaskFile;
import io.ferry.migrator.settings.MigratorSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code ferry status TASK [--json]}: one reading of the task's progress; exit 1 if the task failed. */
final class StatusCommand {

    private StatusCommand() {
    }

    static int run(TaskFile task, Map<String, String> environment, boolean json, PrintStream out,
                   PrintStream err) {
        MigratorSettings settings = MigratorSettings.of(new TaskCompiler(task).compile(environment)
                .migratorSettings());
        Optional<ConnectTarget> target = ConnectTarget.of(task);
        ConnectRestClient rest = target.map(ConnectTarget::rest).orElse(null);
        if (rest == null || !rest.isUp()) {
            err.println("ferry status: " + (task.connect().isPresent()
                    ? "the Connect REST API at " + task.connect().get().url() + " does not answer"
                    : "the embedded stack of task " + task.name() + " is not running (ferry migrate starts it)"));
            return FerryCli.FAILED;
        }
        TaskStatus status;
        try {
            status = new StatusProbe(task, settings, target.get(), Clock.systemUTC()).probe();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FerryCli.FAILED;
        }
        out.print(json ? StatusJson.of(status, List.of(task.sourceConnectorName(), task.sinkConnectorName()))
                : new ProgressView().render(status));
        return status.failed() ? FerryCli.FAILED : FerryCli.OK;
    }
}
