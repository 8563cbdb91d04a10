package io.ferry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/** The result as Markdown: what ran where, then one table row per scenario. */
final class ResultsReport {

    private ResultsReport() {
    }

    static String render(String title, List<String> context, List<Scenario> scenarios, double bytesPerRow) {
        double limit = scenarios.stream().filter(Scenario::baseline).mapToDouble(Scenario::medianRowsPerSecond)
                .max().orElse(Double.NaN);
        StringBuilder md = new StringBuilder();
        md.append("## ").append(title).append("\n\n");
        context.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append('\n');
        md.append("| scenario | rows/s (median) | rows/s (min-max) | MB/s | first row after | Kafka bytes/row"
                + " | Ferry / JDBC limit |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Scenario s : scenarios) {
            double median = s.medianRowsPerSecond();
            double firstRowMs = s.median(Run::firstRowNanos) / 1e6;
            double kafkaBytes = s.median(r -> r.outputBytes() < 0 ? -1 : (double) r.outputBytes() / r.rows());
            md.append("| ").append(s.name())
                    .append(" | ").append(grouped(median))
                    .append(" | ").append(grouped(s.minRowsPerSecond())).append(" - ")
                    .append(grouped(s.maxRowsPerSecond()))
                    .append(" | ").append(fixed(median * bytesPerRow / 1e6, 1))
                    .append(" | ").append(Double.isNaN(firstRowMs) ? "-" : fixed(firstRowMs / 1000, 2) + " s")
                    .append(" | ").append(Double.isNaN(kafkaBytes) ? "-" : grouped(kafkaBytes))
                    .append(" | ").append(s.baseline() ? (median == limit ? "(limit)" : "-")
                            : fixed(median / limit, 2))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** Appends {@code markdown} to {@code file}, creating it with a heading if needed. */
    static void append(Path file, String markdown) {
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "# Benchmark results\n\nAppended by the benchmarks in this directory; newest"
                        + " last. See README.md for what is measured and how.\n", StandardCharsets.UTF_8);
            }
            Files.writeString(file, "\n" + markdown, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append the results to " + file, e);
        }
    }

    static String grouped(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
