package io.ferry.bench;

import io.ferry.testkit.connect.ConnectCluster;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;

/** Connector lifecycle steps the benchmarks share: fail fast on a FAILED task, delete and wait, short sleeps. */
final class Connectors {

    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    static final long STATUS_NANOS = TimeUnit.SECONDS.toNanos(1);

    private Connectors() {
    }

    /** Stops the benchmark at once when a task fails (e.g. on a column it cannot convert), with its trace. */
    static void failIfATaskFailed(ConnectCluster connect, String name, String progress) {
        ConnectorStateInfo status;
        try {
            status = connect.status(name);
        } catch (RuntimeException e) {
            return; // not known to the worker yet
        }
        if (status.tasks().stream().anyMatch(t -> "FAILED".equals(t.state()))
                || "FAILED".equals(status.connector().state())) {
            throw new IllegalStateException(name + " failed after " + progress + ": " + describe(status));
        }
    }

    /** The connector's state and its tasks' states, with their traces; for error messages. */
    static String describe(ConnectCluster connect, String name) {
        try {
            return describe(connect.status(name));
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static String describe(ConnectorStateInfo status) {
        StringBuilder text = new StringBuilder(status.connector().state());
        status.tasks().forEach(t -> text.append(", task ").append(t.id()).append(' ').append(t.state())
                .append(t.trace() == null ? "" : ": " + t.trace()));
        return text.toString();
    }

    /**
     * Deletes the connector and waits (up to a minute) until the worker has let it and its tasks go. A connector
     * whose deploy was refused is not there: nothing to do, and the deploy's error is the one to report.
     */
    static void remove(ConnectCluster connect, String name) {
        if (!connect.embedded().connectors().contains(name)) {
            return;
        }
        connect.delete(name);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (connect.embedded().connectors().contains(name) && System.nanoTime() < deadline) {
            sleepNanos(POLL_NANOS);
        }
    }

    static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
