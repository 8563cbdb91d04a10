package io.ferry.sink.apply;

import org.apache.kafka.connect.errors.DataException;

/**
 * A change met an existing destination row with its key under the {@code fail} conflict policy. Deterministic:
 * retrying cannot help, so it stops the task (or goes to the dead-letter topic) at once.
 */
public final class PolicyConflictException extends DataException {

    public PolicyConflictException(String message) {
        super(message);
    }
}
