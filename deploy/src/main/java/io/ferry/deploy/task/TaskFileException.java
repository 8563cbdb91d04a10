package io.ferry.deploy.task;

/**
 * A task file that cannot be used, with the path of the field to change ({@code migration.types[1]}) in front of
 * the message, so the user knows where to look.
 */
public final class TaskFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;

    public TaskFileException(String path, String message) {
        super(path.isEmpty() ? message : path + ": " + message);
        this.path = path;
    }

    public TaskFileException(String path, String message, Throwable cause) {
        super(path.isEmpty() ? message : path + ": " + message, cause);
        this.path = path;
    }

    /** The field's path in the task file, e.g. {@code source.port}; empty for the file as a whole. */
    public String path() {
        return path;
    }
}
