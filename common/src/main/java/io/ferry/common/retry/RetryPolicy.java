package io.ferry.common.retry;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Decides whether a failure is retried and for how long: losing the connection is retried for the long
 * {@code connection.retry.timeout.ms} (a network or failover outage), anything else for the short
 * {@code retry.timeout.ms}. A failure is retried until that much time has passed since the first failure of
 * the current run of failures; success resets it.
 */
public final class RetryPolicy {

    private final long connectionRetryMs;
    private final long otherRetryMs;
    private long firstFailureMs = -1;
    private int attempts;

    public RetryPolicy(long connectionRetryMs, long otherRetryMs) {
        this.connectionRetryMs = connectionRetryMs;
        this.otherRetryMs = otherRetryMs;
    }

    /** True if the failure is a lost or refused connection rather than a problem with the data or the server. */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketException || t instanceof EOFException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
            if (t instanceof IOException && String.valueOf(t.getMessage()).contains("connect")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records a failure at {@code nowMs}; returns the delay before the next attempt, or -1 if the retry window
     * is used up and the failure must stop the task.
     */
    public long onFailure(Throwable failure, long nowMs) {
        if (firstFailureMs < 0) {
            firstFailureMs = nowMs;
        }
        long window = isConnectionFailure(failure) ? connectionRetryMs : otherRetryMs;
        if (nowMs - firstFailureMs >= window) {
            return -1;
        }
        attempts++;
        return Math.min(30_000L, 250L << Math.min(attempts, 7));
    }

    public void onSuccess() {
        firstFailureMs = -1;
        attempts = 0;
    }
}
