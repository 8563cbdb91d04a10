package io.ferry.migrator.validate;

import io.ferry.common.Identifiers;
import io.ferry.common.server.ServerFlavor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL validation runs on one side for one table. Pure text generation, so it is unit-tested without a
 * server. The row filter applies on the source side only: the destination holds just the rows that passed it,
 * and any other row there is extra.
 */
public final class TableQueries {

    /** Marks a NULL column in the row text; every non-NULL column starts with its length, a digit. */
    static final String NULL_MARK = "'N'";
    /** Marks a non-NULL value that has no canonical text on this server (e.g. a zero date where it is NULL). */
    static final String NO_TEXT_MARK = "'U'";

    private final ComparedTable table;
    private final Side side;
    private final ServerFlavor flavor;

    public TableQueries(ComparedTable table, Side side, ServerFlavor flavor) {
        this.table = table;
        this.side = side;
        this.flavor = flavor;
    }

    /**
     * SQL for the MD5 (32 hex digits) of a row's canonical text: each column as {@code <length>:<text>} or the
     * NULL mark, concatenated. The length prefix makes the concatenation unambiguous (no separator can occur in
     * a value and shift a boundary), and NULL differs from the empty string ({@code 0:}).
     */
    public String rowHash() {
        return "MD5(CONCAT(" + table.columns().stream().map(this::columnText).collect(Collectors.joining(", "))
                + "))";
    }

    private String columnText(ComparedColumn column) {
        String name = Identifiers.quote(column.name(side));
        String text = column.kind().canonical(name, flavor);
        return "IF(" + name + " IS NULL, " + NULL_MARK + ", IFNULL(CONCAT(LENGTH(" + text + "), ':', " + text + "), "
                + NO_TEXT_MARK + "))";
    }

    /**
     * The source's key at the end of the chunk that starts after the key {@code lower} (null: at the start): the
     * {@code rows}-th key in key order. No row means that chunk is the last one.
     */
    public BoundSql nextUpperBound(List<String> lower, int rows) {
        if (side != Side.SOURCE) {
            throw new IllegalStateException("Chunks are bounded by the source's keys");
        }
        Where where = new Where();
        where.lowerBound(lower);
        return new BoundSql("SELECT " + keyTexts() + " FROM " + table.table(side).quoted() + where + " ORDER BY "
                + keyOrder() + " LIMIT 1 OFFSET " + (rows - 1), where.parameters);
    }

    /** Row count and two 64-bit XOR folds of the row hashes: the chunk's checksum. */
    public BoundSql checksum(ChunkRange range) {
        Where where = new Where();
        where.range(range);
        // XOR is order-independent (rows come in any order); within a keyed chunk no two rows are equal, so
        // pairs cannot cancel out; the count guards the rest.
        return new BoundSql("SELECT COUNT(*), BIT_XOR(CAST(CONV(LEFT(h, 16), 16, 10) AS UNSIGNED)),"
                + " BIT_XOR(CAST(CONV(RIGHT(h, 16), 16, 10) AS UNSIGNED)) FROM (SELECT " + rowHash() + " AS h FROM "
                + table.table(side).quoted() + where + ") AS chunk", where.parameters);
    }

    /** Each row's key texts and hash, in key order: the drill-down into a mismatched chunk. */
    public BoundSql rowHashes(ChunkRange range) {
        Where where = new Where();
        where.range(range);
        return new BoundSql("SELECT " + keyTexts() + ", " + rowHash() + " FROM " + table.table(side).quoted() + where
                + " ORDER BY " + keyOrder(), where.parameters);
    }

    /** For a keyless table: each distinct row hash with its number of rows, ordered by hash. */
    public String hashCounts() {
        Where where = new Where();
        return "SELECT h, COUNT(*) FROM (SELECT " + rowHash() + " AS h FROM " + table.table(side).quoted() + where
                + ") AS t GROUP BY h ORDER BY h";
    }

    private String keyTexts() {
        return table.key().stream().map(c -> c.kind().keyText(Identifiers.quote(c.name(side))))
                .collect(Collectors.joining(", "));
    }

    private String keyOrder() {
        return table.key().stream().map(c -> Identifiers.quote(c.name(side))).collect(Collectors.joining(", "));
    }

    /** A WHERE clause under construction: the row filter (source side) and key bounds, with their parameters. */
    private final class Where {

        private final List<String> conditions = new ArrayList<>();
        private final List<String> parameters = new ArrayList<>();

        Where() {
            if (side == Side.SOURCE && table.rowFilter() != null) {
                conditions.add("(" + table.rowFilter() + ")");
            }
        }

        void range(ChunkRange range) {
            lowerBound(range.lower());
            upperBound(range.upper());
        }

        void lowerBound(List<String> bound) {
            if (bound != null) {
                bound(bound, ">", ">");
            }
        }

        void upperBound(List<String> bound) {
            if (bound != null) {
                bound(bound, "<", "<=");
            }
        }

        /**
         * A composite key bound, written out as {@code k1 >= ? AND (k1 > ? OR k1 = ? AND k2 > ? ...)}: the leading
         * condition lets the optimizer range-scan the index, which row constructors do not always get.
         */
        private void bound(List<String> values, String strict, String last) {
            List<ComparedColumn> key = table.key();
            if (values.size() != key.size()) {
                throw new IllegalArgumentException("A bound of " + key.size() + " key value(s) expected, got "
                        + values);
            }
            String first = Identifiers.quote(key.get(0).name(side));
            String firstParameter = key.get(0).kind().keyParameter(key.get(0));
            if (key.size() == 1) {
                conditions.add(first + " " + last + " " + firstParameter);
                parameters.add(values.get(0));
                return;
            }
            conditions.add(first + " " + strict + "= " + firstParameter);
            parameters.add(values.get(0));
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < key.size(); i++) {
                StringBuilder term = new StringBuilder();
                for (int j = 0; j < i; j++) {
                    term.append(Identifiers.quote(key.get(j).name(side))).append(" = ")
                            .append(key.get(j).kind().keyParameter(key.get(j))).append(" AND ");
                    parameters.add(values.get(j));
                }
                String operator = i == key.size() - 1 ? last : strict;
                term.append(Identifiers.quote(key.get(i).name(side))).append(' ').append(operator).append(' ')
                        .append(key.get(i).kind().keyParameter(key.get(i)));
                parameters.add(values.get(i));
                alternatives.add(term.toString());
            }
            conditions.add("(" + String.join(" OR ", alternatives) + ")");
        }

        @Override
        public String toString() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }
    }
}
