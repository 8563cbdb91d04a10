package io.ferry.bench;

import java.util.List;

/** The apply benchmark's result as Markdown: what ran where, then one table per input (snapshot, stream). */
final class ApplyReport {

    /** One input's scenarios, Ferry's and the baseline's, under a heading. */
    record Section(String heading, List<Scenario> scenarios) {
    }

    private ApplyReport() {
    }

    static String render(String title, List<String> context, List<Section> sections, double bytesPerRow) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(title).append("\n\n");
        context.forEach(line -> md.append("- ").append(line).append('\n'));
        for (Section section : sections) {
            md.append("\n### ").append(section.heading()).append("\n\n");
            table(md, section.scenarios(), bytesPerRow);
        }
        return md.toString();
    }

    private static void table(StringBuilder md, List<Scenario> scenarios, double bytesPerRow) {
        double limit = scenarios.stream().filter(Scenario::baseline).mapToDouble(Scenario::medianRowsPerSecond)
                .max().orElse(Double.NaN);
        md.append("| scenario | rows/s (median) | rows/s (min-max) | MB/s | seconds (median) | first commit after"
                + " | rows per transaction | Ferry / best JDBC |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Scenario s : scenarios) {
            double median = s.medianRowsPerSecond();
            double firstCommitMs = s.median(Run::firstRowNanos) / 1e6;
            double perTransaction = s.median(Run::rowsPerTransaction);
            md.append("| ").append(s.name())
                    .append(" | ").append(ResultsReport.grouped(median))
                    .append(" | ").append(ResultsReport.grouped(s.minRowsPerSecond())).append(" - ")
                    .append(ResultsReport.grouped(s.maxRowsPerSecond()))
                    .append(" | ").append(ResultsReport.fixed(median * bytesPerRow / 1e6, 1))
                    .append(" | ").append(ResultsReport.fixed(s.median(r -> r.nanos() / 1e9), 1))
                    .append(" | ").append(Double.isNaN(firstCommitMs) ? "-"
                            : ResultsReport.fixed(firstCommitMs / 1000, 2) + " s")
                    .append(" | ").append(Double.isNaN(perTransaction) ? "-" : ResultsReport.grouped(perTransaction))
                    .append(" | ").append(s.baseline() ? (median == limit ? "(best)" : "-")
                            : ResultsReport.fixed(median / limit, 2))
                    .append(" |\n");
        }
    }
}
