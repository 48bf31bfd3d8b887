package dev.covenant.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The one table every benchmark adds to: for each case, Covenant's figure, the baseline's (the tool a maintainer would
 * otherwise use, or the machine's limit) measured in the same run, their ratio and the target. Rows go to
 * {@code target/bench/ratios.tsv}, one line each, so that {@code src/bench/run} prints the table of a whole run
 * whichever benchmarks ran and in whatever order.
 */
final class BenchRatios {

    static final String FILE = "ratios.tsv";

    /** Whether the ratio must stay at most the target (times) or reach at least it (throughputs). */
    enum Goal {
        AT_MOST("≤"), AT_LEAST("≥");

        final String sign;

        Goal(String sign) {
            this.sign = sign;
        }
    }

    private BenchRatios() {
    }

    /**
     * Adds a row: {@code covenant} and {@code baseline} in {@code unit}; the ratio is covenant / baseline, held against
     * {@code target} by {@code goal}. A baseline that could not be measured (the tool is missing) is NaN, and the
     * row says why in {@code note}. Returns whether the target was met.
     */
    static boolean record(String benchmark, String measure, double covenant, double baseline, String unit,
            Goal goal, double target, String baselineName, String note) {
        double ratio = covenant / baseline;
        boolean met = !Double.isNaN(ratio) && (goal == Goal.AT_MOST ? ratio <= target : ratio >= target);
        String verdict = Double.isNaN(ratio)
                ? "not measured"
                : Double.isNaN(target)
                        ? "no target"
                        : met
                                ? "met"
                                : "MISSED";
        String line = String.join("\t", benchmark, measure, number(covenant) + " " + unit,
                Double.isNaN(baseline) ? "-" : number(baseline) + " " + unit + " (" + baselineName + ")",
                Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio),
                Double.isNaN(target) ? "-" : goal.sign + " " + String.format(Locale.ROOT, "%.2f", target), verdict,
                note == null ? "" : note);
        append(line);
        return met;
    }

    /** A row whose figure has a fixed bound rather than a baseline (e.g. p99 under 20 ms). */
    static boolean bound(String benchmark, String measure, double covenant, String unit, Goal goal, double target,
            String note) {
        boolean met = goal == Goal.AT_MOST ? covenant <= target : covenant >= target;
        String line = String.join("\t", benchmark, measure, number(covenant) + " " + unit, "-", "-",
                goal.sign + " " + number(target) + " " + unit, met ? "met" : "MISSED", note == null ? "" : note);
        append(line);
        return met;
    }

    /** A row reported beside a timed case, with no target of its own (e.g. the same work on a fresh JVM). */
    static void reported(String benchmark, String measure, double covenant, String unit, String note) {
        append(String.join("\t", benchmark, measure, number(covenant) + " " + unit, "-", "-", "-", "reported",
                note == null ? "" : note));
    }

    private static void append(String line) {
        try {
            Files.writeString(BenchReport.out().resolve(FILE), line.replace('\n', ' ') + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    /** The file, for a benchmark that wants to start a table afresh. */
    static Path file() throws IOException {
        return BenchReport.out().resolve(FILE);
    }
}
