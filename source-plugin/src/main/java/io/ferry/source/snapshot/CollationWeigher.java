package io.ferry.source.snapshot;

/**
 * The sort weight of a string under a column's collation: byte strings whose unsigned lexicographic order is
 * the server's order of the strings ({@code WEIGHT_STRING}). Equal weights mean the server sees equal keys,
 * e.g. {@code 'a'}, {@code 'A'} and {@code 'Ä'} under {@code utf8mb4_uca1400_ai_ci}.
 */
public interface CollationWeigher {

    /** The weight of {@code value} under {@code collation}. */
    byte[] weigh(StringCollation collation, String value);
}
