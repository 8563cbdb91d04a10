package io.ferry.migrator.schema;

import io.ferry.common.Identifiers;
import io.ferry.migrator.schema.ObjectOutcome.Status;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The outcome of one schema copy run: one {@link ObjectOutcome} per object, in the order they were handled.
 * {@link #toText()} lists them for the terminal; in a dry run it also prints the DDL as a script the
 * {@code mysql}/{@code mariadb} client can run.
 */
public final class SchemaCopyReport {

    /** Exit code when nothing failed. */
    public static final int EXIT_OK = 0;
    /** Exit code when at least one object failed. */
    public static final int EXIT_FAILURES = 1;

    /** A password or hash after IDENTIFIED BY [PASSWORD], IDENTIFIED WITH plugin AS/BY, IDENTIFIED VIA p USING. */
    private static final Pattern SECRET = Pattern.compile("(?i)(\\bIDENTIFIED\\s+(?:BY(?:\\s+PASSWORD)?|WITH\\s+\\S+"
            + "\\s+(?:AS|BY)|VIA\\s+\\S+\\s+(?:USING|AS)))\\s+"
            + "(?:'(?:[^'\\\\]|\\\\.|'')*'|0x[0-9a-f]+|PASSWORD\\s*\\('[^']*'\\))");

    private final SchemaPhase phase;
    private final boolean dryRun;
    private final List<ObjectOutcome> outcomes;

    public SchemaCopyReport(SchemaPhase phase, boolean dryRun, List<ObjectOutcome> outcomes) {
        this.phase = Objects.requireNonNull(phase, "phase");
        this.dryRun = dryRun;
        this.outcomes = List.copyOf(outcomes);
    }

    public SchemaPhase phase() {
        return phase;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** Every object, in the order handled. */
    public List<ObjectOutcome> outcomes() {
        return outcomes;
    }

    /** The objects that ended with {@code status}. */
    public List<ObjectOutcome> outcomes(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }

    /** Every statement that ran (or, in a dry run, would run), in order. */
    public List<String> statements() {
        return outcomes.stream().filter(o -> o.status() == Status.CREATED || o.status() == Status.PLANNED)
                .flatMap(o -> o.statements().stream()).toList();
    }

    public boolean ok() {
        return outcomes(Status.FAILED).isEmpty();
    }

    public int exitCode() {
        return ok() ? EXIT_OK : EXIT_FAILURES;
    }

    /** One line per object, failures with their reason; in a dry run, then the DDL script. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        int kindWidth = outcomes.stream().mapToInt(o -> o.kind().label().length()).max().orElse(4);
        for (ObjectOutcome outcome : outcomes) {
            String status = outcome.status() == Status.FAILED ? "FAILED" : outcome.status().label();
            out.append(String.format("%-8s %-" + kindWidth + "s %s", status, outcome.kind().label(), outcome.name()));
            if (!outcome.detail().isEmpty()) {
                out.append(": ").append(outcome.detail().replaceAll("\\s*\\R\\s*", " "));
            }
            out.append('\n');
        }
        out.append('\n').append("Schema copy ").append(phase.configValue()).append(dryRun ? " (dry run)" : "")
                .append(": ").append(outcomes(dryRun ? Status.PLANNED : Status.CREATED).size())
                .append(dryRun ? " to create, " : " created, ").append(outcomes(Status.SKIPPED).size())
                .append(" skipped, ").append(outcomes(Status.FAILED).size()).append(" failed\n");
        if (dryRun && !outcomes(Status.PLANNED).isEmpty()) {
            out.append("\n-- DDL the run would execute on the destination:\n");
            outcomes(Status.PLANNED).forEach(o -> script(out, o));
        }
        return out.toString();
    }

    /** Password hashes stay out of terminals and logs; the real run copies them. */
    static String hideSecrets(String statement) {
        return SECRET.matcher(statement).replaceAll("$1 '<hidden>'");
    }

    private static void script(StringBuilder out, ObjectOutcome outcome) {
        out.append("\n-- ").append(outcome.kind().label()).append(' ').append(outcome.name()).append('\n');
        if (outcome.database() != null) {
            out.append("USE ").append(Identifiers.quote(outcome.database())).append(";\n");
        }
        boolean compound = outcome.kind().hasCompoundBody();
        boolean secret = outcome.kind() == ObjectKind.ACCOUNT || outcome.kind() == ObjectKind.GRANT;
        if (compound) {
            out.append("DELIMITER ;;\n");
        }
        outcome.statements().forEach(s -> out.append(secret ? hideSecrets(s) : s).append(compound ? " ;;\n" : ";\n"));
        if (compound) {
            out.append("DELIMITER ;\n");
        }
    }
}
