package io.ferry.deploy.migrate;

/** A migrator step this build of ferry does not contain yet. */
public final class StepUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StepUnavailableException(String step) {
        super(step + " is not available in this build of ferry");
    }
}
