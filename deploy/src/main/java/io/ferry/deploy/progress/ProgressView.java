package io.ferry.deploy.progress;

import io.ferry.deploy.connect.ConnectorStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The terminal view of a task's progress: one line per table with a bar, rows done/total, rows/s and ETA
 * (rates from the previous snapshot this view rendered), then the lag and the connectors' states.
 */
public final class ProgressView {

    private static final int BAR = 24;

    private final Map<String, Long> previousRows = new HashMap<>();
    private final Map<String, Double> rates = new HashMap<>();
    private long previousAtMs = -1;

    /** Renders the status; call it with successive statuses of one task for rates and ETAs. */
    public String render(TaskStatus status) {
        long now = status.at().toEpochMilli();
        double seconds = previousAtMs < 0 ? 0 : (now - previousAtMs) / 1000.0;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "ferry %s: %s%s%n", status.task(), status.phase(),
                status.undelayed() ? " (undelayed)" : ""));
        int width = status.tables().stream().mapToInt(t -> t.table().length()).max().orElse(5);
        for (TableProgress t : status.tables()) {
            Long before = previousRows.put(t.table(), t.rowsDone());
            if (before != null && seconds > 0) {
                double current = Math.max(0, (t.rowsDone() - before) / seconds);
                rates.merge(t.table(), current, (old, cur) -> 0.5 * old + 0.5 * cur);
            }
            double rate = rates.getOrDefault(t.table(), 0.0);
            out.append(String.format(Locale.ROOT, "  %-" + width + "s %-11s %s %s%n", t.table(), t.phase(),
                    bar(t), counts(t, rate)));
        }
        previousAtMs = now;
        out.append(String.format(Locale.ROOT, "  lag %s, %d records pending, source binlog %s behind%n",
                status.lagSeconds().map(l -> String.format(Locale.ROOT, "%.1f s", l)).orElse("unknown"),
                status.pending(), status.sourceBehindBytes().map(ProgressView::bytes).orElse("? bytes")));
        for (Optional<ConnectorStatus> c : status.connectors()) {
            c.ifPresent(s -> out.append("  ").append(s.name()).append(' ').append(s.state()).append(", tasks ")
                    .append(s.tasks().stream().map(ts -> ts.id() + ":" + ts.state()).toList()).append('\n'));
        }
        status.errors().forEach(e -> out.append("  error: ").append(e).append('\n'));
        return out.toString();
    }

    private static String bytes(long bytes) {
        if (bytes < 10_000) {
            return bytes + " bytes";
        }
        return bytes < 10_000_000 ? String.format(Locale.ROOT, "%.0f KB", bytes / 1e3)
                : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    private static String bar(TableProgress t) {
        int filled = (int) Math.round(t.fraction() * BAR);
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
    }

    private static String counts(TableProgress t, double rate) {
        StringBuilder s = new StringBuilder();
        if (TableProgress.FULL.equals(t.phase())) {
            s.append(String.format(Locale.ROOT, "%,d/~%,d rows", t.rowsDone(), Math.max(t.rowsTotal(), t.rowsDone())));
        } else {
            s.append(String.format(Locale.ROOT, "%,d rows applied", t.rowsDone()));
        }
        s.append(String.format(Locale.ROOT, ", %,.0f rows/s", rate));
        if (TableProgress.FULL.equals(t.phase()) && rate > 0 && t.rowsTotal() > t.rowsDone()) {
            s.append(", ETA ").append(format(Duration.ofSeconds((long) ((t.rowsTotal() - t.rowsDone()) / rate))));
        }
        if (t.pending() > 0) {
            s.append(String.format(Locale.ROOT, ", %,d pending", t.pending()));
        }
        return s.toString();
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
