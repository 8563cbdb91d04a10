package io.ferry.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** A measured scenario ("Ferry, tasks.max=2", "JDBC scan, 1 thread") and its timed runs. */
final class Scenario {

    private final String name;
    private final boolean baseline;
    private final List<Run> runs = new ArrayList<>();

    Scenario(String name, boolean baseline) {
        this.name = name;
        this.baseline = baseline;
    }

    String name() {
        return name;
    }

    boolean baseline() {
        return baseline;
    }

    void add(Run run) {
        runs.add(run);
    }

    List<Run> runs() {
        return List.copyOf(runs);
    }

    double medianRowsPerSecond() {
        return median(Run::rowsPerSecond);
    }

    double minRowsPerSecond() {
        return runs.stream().mapToDouble(Run::rowsPerSecond).min().orElse(Double.NaN);
    }

    double maxRowsPerSecond() {
        return runs.stream().mapToDouble(Run::rowsPerSecond).max().orElse(Double.NaN);
    }

    /** Median of a run's value over the runs where it was measured (non-negative), NaN if none. */
    double median(ToDoubleFunction<Run> value) {
        List<Double> sorted = runs.stream().map(value::applyAsDouble).filter(v -> v >= 0)
                .sorted(Comparator.naturalOrder()).toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
