package io.ferry.deploy.cli;

import io.ferry.deploy.connect.ConnectException;
import io.ferry.deploy.connect.ConnectTarget;
import io.ferry.deploy.embedded.EmbeddedStack;
import io.ferry.deploy.embedded.PluginPath;
import io.ferry.deploy.task.TaskFile;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The Connect cluster a command works on: the task's external cluster, or its embedded stack. When the embedded
 * stack is not running (no {@code ferry migrate} holds it), the session starts it from the task's data directory,
 * where the connectors and their offsets are kept, and stops it again on close.
 */
final class ConnectSession implements AutoCloseable {

    private final ConnectTarget target;
    private final EmbeddedStack startedHere;

    private ConnectSession(ConnectTarget target, EmbeddedStack startedHere) {
        this.target = target;
        this.startedHere = startedHere;
    }

    /** Finds or starts the task's cluster; fails with a message for the user when an external one is down. */
    static ConnectSession open(TaskFile task, PrintStream out) {
        Optional<ConnectTarget> known = ConnectTarget.of(task);
        if (known.isPresent() && known.get().rest().isUp()) {
            return new ConnectSession(known.get(), null);
        }
        if (task.connect().isPresent()) {
            throw new ConnectException("the Connect REST API at " + task.connect().get().url() + " does not answer",
                    -1);
        }
        out.println("Starting the embedded Kafka broker and Connect worker in " + task.embedded().dataDir() + " ...");
        EmbeddedStack stack = EmbeddedStack.start(task.embedded().dataDir(), task.embedded().restPort(),
                task.embedded().kafkaPort(), PluginPath.find(), "ferry-" + task.name());
        out.printf(Locale.ROOT, "Embedded stack up in %.1f s: Connect REST %s%n",
                stack.startupTime().toMillis() / 1000.0, stack.restUrl());
        return new ConnectSession(new ConnectTarget(stack.restUrl(), stack.bootstrapServers(), true), stack);
    }

    /** A session on a stack someone else started and stops (the demo). */
    static ConnectSession on(EmbeddedStack stack) {
        return new ConnectSession(new ConnectTarget(stack.restUrl(), stack.bootstrapServers(), true), null);
    }

    ConnectTarget target() {
        return target;
    }

    @Override
    public void close() {
        if (startedHere != null) {
            startedHere.close();
        }
    }
}
