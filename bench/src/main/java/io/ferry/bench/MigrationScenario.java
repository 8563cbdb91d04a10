package io.ferry.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A contender of the full migration ("Ferry, source tasks 2, sink tasks 1", "mariadb-dump | mariadb") and its
 * runs: the converged ones timed (through {@link Scenario}), the others only counted, since a run that did not
 * converge has no duration worth reporting.
 */
final class MigrationScenario {

    /** What the contender is, for the ratios. */
    enum Kind { FERRY, JDBC_LIMIT, DUMP, DEBEZIUM_TO_KAFKA, DEBEZIUM_TO_FERRY }

    private final Scenario timed;
    private final Kind kind;
    private final List<String> failures = new ArrayList<>();
    private final List<Footprint.Peak> peaks = new ArrayList<>();

    MigrationScenario(String name, Kind kind) {
        this.timed = new Scenario(name, kind == Kind.JDBC_LIMIT);
        this.kind = kind;
    }

    String name() {
        return timed.name();
    }

    Kind kind() {
        return kind;
    }

    Scenario timed() {
        return timed;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    List<Footprint.Peak> peaks() {
        return List.copyOf(peaks);
    }

    void add(Run run, Footprint.Peak peak) {
        timed.add(run);
        if (peak != null) {
            peaks.add(peak);
        }
    }

    void fail(String why) {
        failures.add(why);
    }

    /** Largest peak of the runs, in bytes, -1 if none was sampled. */
    long maxHeap() {
        return peaks.stream().mapToLong(Footprint.Peak::heapBytes).max().orElse(-1);
    }

    long maxRss() {
        return peaks.stream().mapToLong(Footprint.Peak::rssBytes).max().orElse(-1);
    }
}
