package io.ferry.source.snapshot;

import java.util.Objects;

/**
 * The collation of a character key column, with what is needed to compute sort weights for it.
 *
 * @param charset    the column's character set, e.g. {@code utf8mb4}
 * @param collation  the column's collation, e.g. {@code utf8mb4_general_ci}
 * @param maxChars   the column's maximum length in characters
 * @param padSpace   whether the collation is PAD SPACE (compares as if the shorter string were padded with
 *                   spaces: {@code 'b' = 'b '} and {@code 'b\t' < 'b'}); weights are then padded to
 *                   {@code maxChars}, as the server pads sort keys. NO PAD weights are compared unpadded.
 */
public record StringCollation(String charset, String collation, long maxChars, boolean padSpace) {

    /** Longer columns would need huge weights; they cannot be full keys without a prefix anyway. */
    static final long MAX_CHARS = 16_383;

    public StringCollation {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(collation, "collation");
        if (!charset.matches("[A-Za-z0-9_]+") || !collation.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Unexpected character set or collation name: " + charset
                    + " / " + collation);
        }
        if (maxChars <= 0 || maxChars > MAX_CHARS) {
            throw new IllegalArgumentException("Cannot order string keys of up to " + maxChars
                    + " characters (" + collation + "): at most " + MAX_CHARS + " are supported");
        }
    }

    /** The SQL that computes the weight of a bound string parameter. */
    String weightSql() {
        return "SELECT WEIGHT_STRING(CONVERT(? USING " + charset + ") COLLATE " + collation
                + (padSpace ? " AS CHAR(" + maxChars + ")" : "") + ")";
    }
}
