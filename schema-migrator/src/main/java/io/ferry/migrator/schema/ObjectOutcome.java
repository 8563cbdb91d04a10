package io.ferry.migrator.schema;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What happened to one schema object in one run.
 *
 * @param kind       what the object is
 * @param name       its destination name ({@code db.table}, {@code db.table.constraint}, {@code db.routine}...)
 * @param status     the outcome
 * @param database   the destination database the statements run in, or null for database-level statements
 * @param statements the DDL run, skipped, planned or failed (empty when nothing could be planned)
 * @param detail     why it was skipped or failed, and what the operator should know (may be empty)
 */
public record ObjectOutcome(ObjectKind kind, String name, Status status, String database, List<String> statements,
                            String detail) {

    public ObjectOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        statements = List.copyOf(statements);
        detail = detail == null ? "" : detail;
    }

    /** The outcomes of an object. */
    public enum Status {
        /** The statements ran. */
        CREATED,
        /** Nothing to do: the object is there already (or is not migrated, see the detail). */
        SKIPPED,
        /** Dry run: the statements would run. */
        PLANNED,
        /** The object could not be planned or its statement failed; the detail says why. */
        FAILED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
