package io.ferry.migrator.settings;

/** Settings that cannot be used; the message names the key and says what to change (a usage error, exit 2). */
public final class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
