package io.ferry.common.server;

/**
 * One result of checking a server: what was found, and for problems, the fix in one sentence.
 *
 * @param subject what was checked, e.g. {@code binlog_format} or {@code REPLICATION SLAVE}
 */
public record Finding(Severity severity, String subject, String message, String fix) {

    public enum Severity {
        PASS, WARNING, FAILURE
    }

    public static Finding pass(String subject, String message) {
        return new Finding(Severity.PASS, subject, message, "");
    }

    public static Finding failure(String subject, String message, String fix) {
        return new Finding(Severity.FAILURE, subject, message, fix);
    }

    public static Finding warning(String subject, String message, String fix) {
        return new Finding(Severity.WARNING, subject, message, fix);
    }

    public boolean failed() {
        return severity == Severity.FAILURE;
    }

    /** The message and the fix, for a validation error or a log line. */
    public String describe() {
        return fix.isEmpty() ? message : message + ". " + fix;
    }
}
