package io.ferry.deploy.migrate;

/**
 * What one migrator step reported.
 *
 * @param exitCode 0 success (warnings allowed), 1 the step failed or found a problem
 * @param text     the report for a terminal
 * @param json     the report as JSON, or null when the step has none
 */
public record StepReport(int exitCode, String text, String json) {

    public boolean ok() {
        return exitCode == 0;
    }
}
