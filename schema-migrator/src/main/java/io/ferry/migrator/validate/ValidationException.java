package io.ferry.migrator.validate;

/** A table that cannot be compared as configured (e.g. missing in the destination); its message says why. */
public final class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ValidationException(String message) {
        super(message);
    }
}
