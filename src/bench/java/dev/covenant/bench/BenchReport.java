package dev.covenant.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** What every benchmark report shows: the machine, latency percentiles, aligned "measure  value" lines. */
final class BenchReport {

    private final String title;
    private final Map<String, String> lines = new LinkedHashMap<>();

    BenchReport(String title) {
        this.title = title;
    }

    /** Where results go ({@code target/bench}), created if need be. */
    static Path out() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath());
    }

    BenchReport put(String measure, String value) {
        lines.put(measure, value);
        return this;
    }

    /** Date, machine, Java and the load average before (given) and now. */
    BenchReport machine(String loadBefore) {
        put("date", java.time.Instant.now().toString());
        put("machine", Runtime.getRuntime().availableProcessors() + " cores (nproc), " + memTotal() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + " (the benchmark client and the service share the machine)");
        return put("load average before / after",
                loadBefore + " / " + loadAverage() + " (other builds may share the machine)");
    }

    @Override
    public String toString() {
        int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder text = new StringBuilder(title).append('\n');
        lines.forEach((k, v) -> text.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", k, v)));
        return text.toString();
    }

    /** p50 and p95 (and p99 and max with {@code tail}) of latencies in nanoseconds, in milliseconds. */
    static String summary(long[] nanos, boolean tail) {
        if (nanos.length == 0) {
            return "no samples";
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        String s = String.format(Locale.ROOT, "p50 %s  p95 %s", ms(percentile(sorted, 50)), ms(percentile(sorted, 95)));
        if (tail) {
            s += String.format(Locale.ROOT, "  p99 %s  max %s", ms(percentile(sorted, 99)),
                    ms(sorted[sorted.length - 1]));
        }
        return s + "  (n=" + sorted.length + ")";
    }

    /** Nearest rank. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB RAM",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .orElse("RAM unknown");
        } catch (IOException | RuntimeException e) {
            return "RAM unknown";
        }
    }

    static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
