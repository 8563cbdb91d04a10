package io.ferry.deploy.cutover;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The steps a cutover ran, each with its outcome and duration, and whether the switch-over is complete. */
public final class CutoverReport {

    /** One step: its title, whether it succeeded, what it found, and how long it took. */
    public record Step(String title, boolean ok, String detail, double seconds) {
    }

    private final List<Step> steps = new ArrayList<>();
    private String validation = "";

    void add(Step step) {
        steps.add(step);
    }

    void validation(String text) {
        validation = text;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** Every step ran and succeeded: the destination can take the application's writes. */
    public boolean complete() {
        return !steps.isEmpty() && steps.stream().allMatch(Step::ok) && steps.size() == Cutover.STEPS;
    }

    public int exitCode() {
        return complete() ? 0 : 1;
    }

    /** The validation's own table (empty if validation did not run). */
    public String validationText() {
        return validation;
    }

    public String toText() {
        StringBuilder text = new StringBuilder("Cutover report\n");
        for (Step step : steps) {
            text.append(String.format(Locale.ROOT, "  %-4s %-58s %7.1f s  %s%n", step.ok() ? "ok" : "FAIL",
                    step.title(), step.seconds(), step.detail()));
        }
        text.append(complete() ? "Cutover complete: point the application at the destination.\n"
                : "Cutover NOT complete: see the failed step above.\n");
        return text.toString();
    }
}
