package io.ferry.deploy.connect;

import java.util.List;

/**
 * {@code GET /connectors/{name}/status}: the connector's state and its tasks'.
 *
 * @param state RUNNING, PAUSED, STOPPED, FAILED, UNASSIGNED or RESTARTING
 * @param trace the failure's stack trace, or null
 */
public record ConnectorStatus(String name, String state, String workerId, String trace, List<TaskStatus> tasks) {

    /** One task. */
    public record TaskStatus(int id, String state, String workerId, String trace) {
    }

    public boolean isRunning() {
        return "RUNNING".equals(state) && !tasks.isEmpty() && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
    }

    /** The first failure's trace: the connector's or a task's; null if nothing failed. */
    public String firstFailure() {
        if ("FAILED".equals(state)) {
            return trace == null ? "connector FAILED" : trace;
        }
        return tasks.stream().filter(t -> "FAILED".equals(t.state()))
                .map(t -> "task " + t.id() + ": " + (t.trace() == null ? "FAILED" : t.trace())).findFirst()
                .orElse(null);
    }
}
