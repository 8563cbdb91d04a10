package io.ferry.bench;

import static io.ferry.bench.ResultsReport.fixed;
import static io.ferry.bench.ResultsReport.grouped;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The migration benchmark's result as Markdown: context, full migration with footprint, then lag. */
final class MigrationReport {

    private MigrationReport() {
    }

    static String render(String title, List<String> context, List<MigrationScenario> full, List<LagStep> lag,
                         double bytesPerRow) {
        StringBuilder md = new StringBuilder("## ").append(title).append("\n\n");
        context.forEach(line -> md.append("- ").append(line).append('\n'));
        if (!full.isEmpty()) {
            md.append("\n### Full migration\n\n| scenario | runs converged | seconds (median) | rows/s (median) |"
                    + " rows/s (min-max) | MB/s | peak heap | peak RSS |\n"
                    + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            full.forEach(s -> md.append(row(s, bytesPerRow)));
            md.append('\n').append(ratios(full));
        }
        if (!lag.isEmpty()) {
            md.append("\n### Incremental: end-to-end lag\n\n| pipeline | offered rows/s | achieved rows/s |"
                    + " changes measured | p50 | p95 | p99 | max | sustained (p99 < 1 s) |\n"
                    + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
            for (LagStep step : lag) {
                LagStats l = step.lag();
                md.append("| ").append(step.pipeline())
                        .append(" | ").append(step.step().offeredRate() == 0 ? "max"
                                : grouped(step.step().offeredRate()))
                        .append(" | ").append(grouped(step.step().achievedRate()))
                        .append(" | ").append(grouped(l.samples()))
                        .append(" | ").append(ms(l.p50())).append(" | ").append(ms(l.p95()))
                        .append(" | ").append(ms(l.p99())).append(" | ").append(ms(l.max()))
                        .append(" | ").append(step.verdict()).append(" |\n");
            }
            md.append('\n');
            for (String pipeline : lag.stream().map(LagStep::pipeline).distinct().toList()) {
                double best = lag.stream().filter(s -> s.pipeline().equals(pipeline) && s.sustained())
                        .mapToDouble(s -> s.step().achievedRate()).max().orElse(Double.NaN);
                md.append("- highest rate sustained with p99 < 1 s, ").append(pipeline).append(": ")
                        .append(Double.isNaN(best) ? "none of the rates offered" : grouped(best) + " rows/s")
                        .append('\n');
            }
        }
        return md.toString();
    }

    private static String row(MigrationScenario s, double bytesPerRow) {
        Scenario t = s.timed();
        int ok = t.runs().size();
        int all = ok + s.failures().size();
        if (ok == 0) {
            return "| " + cell(s.name()) + " | 0 of " + all + " | failed | - | - | - | - | - |\n";
        }
        double median = t.medianRowsPerSecond();
        return "| " + cell(s.name()) + " | " + ok + " of " + all
                + " | " + fixed(t.median(r -> r.nanos() / 1e9), 1)
                + " | " + grouped(median)
                + " | " + grouped(t.minRowsPerSecond()) + " - " + grouped(t.maxRowsPerSecond())
                + " | " + fixed(median * bytesPerRow / 1e6, 1)
                + " | " + mib(s.maxHeap()) + " | " + mib(s.maxRss()) + " |\n";
    }

    /** Ferry's best median over each contender's best median. */
    private static String ratios(List<MigrationScenario> full) {
        double ferry = best(full, s -> s.kind() == MigrationScenario.Kind.FERRY);
        StringBuilder md = new StringBuilder();
        md.append("- Ferry (best median) / direct JDBC copy (best median, the physical limit): ")
                .append(ratio(ferry, best(full, s -> s.kind() == MigrationScenario.Kind.JDBC_LIMIT))).append('\n');
        md.append("- Ferry / mariadb-dump | mariadb: ")
                .append(ratio(ferry, best(full, s -> s.kind() == MigrationScenario.Kind.DUMP))).append('\n');
        md.append("- Ferry / Debezium → Ferry sink (both to all rows applied): ")
                .append(ratio(ferry, best(full, s -> s.kind() == MigrationScenario.Kind.DEBEZIUM_TO_FERRY)))
                .append('\n');
        md.append("- Ferry end to end / Debezium to all records in Kafka (Debezium's half only): ")
                .append(ratio(ferry, best(full, s -> s.kind() == MigrationScenario.Kind.DEBEZIUM_TO_KAFKA)))
                .append('\n');
        return md.toString();
    }

    private static double best(List<MigrationScenario> full, Predicate<MigrationScenario> which) {
        return full.stream().filter(which).filter(s -> !s.timed().runs().isEmpty())
                .mapToDouble(s -> s.timed().medianRowsPerSecond()).max().orElse(Double.NaN);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? "-" : fixed(a / b, 2);
    }

    /** A table cell's text: a pipe ("mariadb-dump | mariadb") would end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String ms(long micros) {
        return micros < 0 ? "-" : String.format(Locale.ROOT, "%,.0f ms", micros / 1000.0);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    }
}
