package io.ferry.deploy.connect;

/** A Connect REST call that failed: unreachable worker, or an error answer (with the worker's message). */
public final class ConnectException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public ConnectException(String message, int status) {
        super(message);
        this.status = status;
    }

    public ConnectException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    /** The HTTP status, or -1 when no answer came. */
    public int status() {
        return status;
    }
}
