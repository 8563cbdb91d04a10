package io.ferry.migrator.validate;

import io.ferry.common.TableId;
import java.util.List;
import java.util.Objects;

/**
 * The outcome for one table. Counts cover every difference found; {@code differences} lists only the first
 * {@code validate.max.differences} of them.
 *
 * @param method how rows were matched: {@link #KEYED} or {@link #KEYLESS}
 * @param key the source key columns chunks were ordered by (empty when keyless)
 * @param sourceRows rows compared on the source (after its row filter)
 * @param error why the table could not be compared, or null
 */
public record TableResult(TableId source, TableId destination, String method, List<String> key, long sourceRows,
                          long destinationRows, long chunks, long mismatchedChunks, long missing, long extra,
                          long different, List<Difference> differences, List<String> notes, String error) {

    public static final String KEYED = "chunked-by-key";
    public static final String KEYLESS = "keyless-multiset";

    public TableResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        key = List.copyOf(key);
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }

    /** A table that could not be compared. */
    public static TableResult failed(TableId source, TableId destination, String error) {
        return new TableResult(source, destination, "", List.of(), 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(),
                Objects.requireNonNull(error, "error"));
    }

    public boolean identical() {
        return error == null && missing == 0 && extra == 0 && different == 0;
    }

    /** {@code identical}, {@code different} or {@code error}. */
    public String status() {
        return error != null ? "error" : identical() ? "identical" : "different";
    }
}
