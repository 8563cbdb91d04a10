package io.ferry.source;

/**
 * Keys the connector adds to each task's config (not user settings): which task this is, and the snapshot
 * work assigned to it. Stored by Connect with the task configs, so renaming one breaks running connectors.
 */
final class TaskKeys {

    /** 0-based index of the task; task 0 also reads the binlog. */
    static final String TASK_INDEX = "ferry.task.index";
    /** Number of tasks the connector was split into. */
    static final String TASK_COUNT = "ferry.task.count";
    /** Which snapshot the tasks run or follow (see {@code SourcePartitions.stripe}). */
    static final String SNAPSHOT_EPOCH = "ferry.snapshot.epoch";

    private TaskKeys() {
    }
}
