package io.ferry.migrator.precheck;

import io.ferry.common.server.Finding;
import java.util.List;

/**
 * The outcome of one precheck item: its findings and the worst of their severities.
 *
 * @param skipReason why the item did not run (a server it needs is unreachable), or empty
 */
public record ItemResult(String name, String title, List<Finding> findings, String skipReason) {

    /** An item's overall status. */
    public enum Status {
        PASS, WARNING, FAILURE, SKIPPED;

        /** The JSON and table spelling. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ItemResult {
        findings = List.copyOf(findings);
    }

    static ItemResult ran(PrecheckItem item, List<Finding> findings) {
        return new ItemResult(item.name(), item.title(), findings, "");
    }

    static ItemResult skipped(PrecheckItem item, String reason) {
        return new ItemResult(item.name(), item.title(), List.of(), reason);
    }

    public Status status() {
        if (!skipReason.isEmpty()) {
            return Status.SKIPPED;
        }
        Status worst = Status.PASS;
        for (Finding finding : findings) {
            if (finding.severity() == Finding.Severity.FAILURE) {
                return Status.FAILURE;
            }
            if (finding.severity() == Finding.Severity.WARNING) {
                worst = Status.WARNING;
            }
        }
        return worst;
    }
}
