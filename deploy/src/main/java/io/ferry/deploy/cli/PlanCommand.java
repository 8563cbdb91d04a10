package io.ferry.deploy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ferry.deploy.task.CompiledTask;
import io.ferry.deploy.task.TaskCompiler;
import io.ferry.deploy.task.TaskFile;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code ferry plan TASK}: what the task compiles to, secrets masked, so a team can deploy the connectors through
 * its own Connect pipeline: the migrator settings (as a {@code .properties} file) and both connector configs (as
 * the bodies of {@code PUT /connectors/{name}/config}).
 */
final class PlanCommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanCommand() {
    }

    static void print(TaskFile task, PrintStream out) {
        CompiledTask compiled = new TaskCompiler(task).compileMasked();
        out.println("# Task " + task.name() + ": " + String.join(", ", task.migration().types()) + ", on "
                + task.connect().map(c -> "the Connect cluster at " + c.url())
                .orElse("the embedded stack in " + task.embedded().dataDir()));
        out.println();
        out.println("# Schema migrator settings (MigratorMain precheck FILE)");
        compiled.migratorSettings().forEach((k, v) -> out.println(k + "=" + v.replace("\\", "\\\\")));
        if (compiled.sourceConnector().isEmpty()) {
            out.println();
            out.println("# No connectors: migration.types has neither full nor incremental.");
            return;
        }
        connector(out, task.sourceConnectorName(), compiled.sourceConnector().get());
        connector(out, task.sinkConnectorName(), compiled.sinkConnector().orElseThrow());
    }

    private static void connector(PrintStream out, String name, Map<String, String> config) {
        out.println();
        out.println("# PUT /connectors/" + name + "/config");
        try {
            out.println(JSON.writeValueAsString(config));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
