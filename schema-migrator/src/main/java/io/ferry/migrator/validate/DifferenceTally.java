package io.ferry.migrator.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Counts the differences of one table and keeps the first few, while its chunks are compared. */
final class DifferenceTally {

    private final int limit;
    private final List<Difference> first = new ArrayList<>();
    private long missing;
    private long extra;
    private long different;
    long sourceRows;
    long destinationRows;
    long chunks;
    long mismatchedChunks;

    DifferenceTally(int limit) {
        this.limit = limit;
    }

    void add(Difference.Kind kind, Map<String, String> key, long rows) {
        switch (kind) {
            case MISSING -> missing += rows;
            case EXTRA -> extra += rows;
            case DIFFERENT -> different += rows;
        }
        if (first.size() < limit) {
            first.add(new Difference(kind, key, rows));
        }
    }

    long missing() {
        return missing;
    }

    long extra() {
        return extra;
    }

    TableResult result(ComparedTable table, String method, List<String> notes) {
        return new TableResult(table.source(), table.destination(), method, table.keyNames(), sourceRows,
                destinationRows, chunks, mismatchedChunks, missing, extra, different, first, notes, null);
    }
}
