package io.ferry.deploy.connect;

import io.ferry.deploy.embedded.StackPorts;
import io.ferry.deploy.task.TaskFile;
import java.net.URI;
import java.util.Optional;

/**
 * Where a task's connectors run: the Connect REST API and the Kafka bootstrap servers, from the task's
 * {@code connect} section or, for the embedded stack, from its data directory.
 */
public record ConnectTarget(URI restUrl, String bootstrapServers, boolean embedded) {

    /**
     * The task's cluster; for the embedded stack the ports it stored, if it ever started (whether it runs now is
     * for the REST client to find out).
     */
    public static Optional<ConnectTarget> of(TaskFile task) {
        if (task.connect().isPresent()) {
            TaskFile.Connect c = task.connect().get();
            return Optional.of(new ConnectTarget(c.url(), c.bootstrapServers(), false));
        }
        return StackPorts.read(task.embedded().dataDir())
                .map(p -> new ConnectTarget(URI.create(p.restUrl()), p.bootstrapServers(), true));
    }

    public ConnectRestClient rest() {
        return new ConnectRestClient(restUrl);
    }
}
