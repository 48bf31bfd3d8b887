package dev.covenant.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saturation run driven by {@code wrk} (Debian's package {@code wrk}) instead of Java's HttpClient. On two shared
 * cores the Java client spends about as much CPU building, signing and reading requests as the service spends
 * answering them, so it measured the client. {@code wrk} is written in C; it sends deliveries prepared beforehand (each
 * with its own id, head sha and signature, written to a file its Lua script loads) and reports what it saw on one
 * line the benchmark reads.
 */
final class WrkLoad {

    private static final Pattern RESULT = Pattern.compile(
            "WRK requests=(\\d+) seconds=([0-9.]+) p50us=([0-9.]+) p99us=([0-9.]+) errors=(\\d+) statuses=(\\S*)");

    /** What wrk saw: answers (all statuses), the run's length, latencies of all answers, and each status's count. */
    record Result(long answers, double seconds, double p50Ms, double p99Ms, long errors,
            TreeMap<Integer, Long> statuses) {

        long accepted() {
            return statuses.getOrDefault(202, 0L);
        }

        double perSecond() {
            return accepted() / seconds;
        }
    }

    /** One prepared delivery: its id, its signature header, its body. */
    record Prepared(String id, String signature, String body) {
    }

    private WrkLoad() {
    }

    /** The {@code wrk} program on the PATH, or null; {@code -Dbench.client=java} keeps the Java client. */
    static String find() {
        if ("java".equals(System.getProperty("bench.client"))) {
            return null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /**
     * Sends deliveries {@code 0..count-1} (made by {@code prepare}, each at most once: wrk stops being fed when they
     * run out) from {@code connections} keep-alive connections for {@code seconds}.
     */
    static Result run(String wrk, String url, int connections, int seconds, int count, IntFunction<Prepared> prepare,
            Path out) throws IOException, InterruptedException {
        Path requests = out.resolve("wrk-deliveries.tsv");
        try (BufferedWriter w = Files.newBufferedWriter(requests, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                Prepared p = prepare.apply(i);
                if (p.body().indexOf('\n') >= 0 || p.body().indexOf('\t') >= 0) {
                    throw new IllegalArgumentException("a prepared body must fit on one line without tabs");
                }
                w.write(p.id() + "\t" + p.signature() + "\t" + p.body() + "\n");
            }
        }
        Path script = out.resolve("wrk-deliveries.lua");
        int threads = Math.min(2, connections);
        Files.writeString(script, SCRIPT.replace("@THREADS@", String.valueOf(threads)).replace("@FILE@",
                requests.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"")));
        Path log = out.resolve("wrk.log");
        Process process = new ProcessBuilder(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "30s", "-s", script.toString(), url).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("wrk did not finish; see " + log);
        }
        String output = Files.readString(log);
        Matcher m = RESULT.matcher(output);
        if (process.exitValue() != 0 || !m.find()) {
            throw new AssertionError("wrk failed (exit " + process.exitValue() + "): " + output);
        }
        TreeMap<Integer, Long> statuses = new TreeMap<>();
        for (String pair : m.group(6).split(",")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split(":");
                statuses.put(Integer.parseInt(kv[0]), Long.parseLong(kv[1]));
            }
        }
        return new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)) / 1e6,
                Double.parseDouble(m.group(3)) / 1e3, Double.parseDouble(m.group(4)) / 1e3, Long.parseLong(m.group(5)),
                statuses);
    }

    static String describe(Result r) {
        return String.format(Locale.ROOT, "%d answers in %.1f s, %.0f accepted/s, p50 %.1f ms, p99 %.1f ms,"
                + " statuses %s, socket errors %d", r.answers(), r.seconds(), r.perSecond(), r.p50Ms(), r.p99Ms(),
                r.statuses(), r.errors());
    }

    /**
     * Each wrk thread loads the prepared deliveries and takes every n-th, starting at its own index, so no delivery is
     * sent twice; a thread that runs out asks for {@code /q/health/live} instead (answered 200, which the benchmark
     * reports as running out). The counts of each status are gathered from every thread at the end.
     */
    private static final String SCRIPT = String.join("\n", List.of(
            "local threads = {}",
            "local count = 0",
            "function setup(thread)",
            "  thread:set(\"index\", count)",
            "  count = count + 1",
            "  table.insert(threads, thread)",
            "end",
            "function init(args)",
            "  stride = @THREADS@",
            "  reqs = {}",
            "  local n = 0",
            "  for line in io.lines(\"@FILE@\") do",
            "    n = n + 1",
            "    if (n - 1) % stride == index then",
            "      local id, sig, body = line:match(\"([^\\t]+)\\t([^\\t]+)\\t(.*)\")",
            "      reqs[#reqs + 1] = wrk.format(\"POST\", \"/github/webhook\", {",
            "        [\"Content-Type\"] = \"application/json\", [\"User-Agent\"] = \"GitHub-Hookshot/covenant-bench\",",
            "        [\"X-GitHub-Event\"] = \"pull_request\", [\"X-GitHub-Hook-ID\"] = \"109948940\",",
            "        [\"X-GitHub-Delivery\"] = id, [\"X-Hub-Signature-256\"] = sig}, body)",
            "    end",
            "  end",
            "  nextIndex = 0",
            "  statuses = {}",
            "end",
            "function request()",
            "  nextIndex = nextIndex + 1",
            "  if nextIndex > #reqs then",
            "    return wrk.format(\"GET\", \"/q/health/live\")",
            "  end",
            "  return reqs[nextIndex]",
            "end",
            "function response(status, headers, body)",
            "  statuses[status] = (statuses[status] or 0) + 1",
            "end",
            "function done(summary, latency, requests)",
            "  local merged = {}",
            "  for _, t in ipairs(threads) do",
            "    local s = t:get(\"statuses\")",
            "    for k, v in pairs(s) do merged[k] = (merged[k] or 0) + v end",
            "  end",
            "  local parts = {}",
            "  for k, v in pairs(merged) do parts[#parts + 1] = k .. \":\" .. v end",
            "  local e = summary.errors",
            "  io.write(string.format(\"WRK requests=%d seconds=%d p50us=%.1f p99us=%.1f errors=%d statuses=%s\\n\",",
            "    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),",
            "    e.connect + e.read + e.write + e.timeout, table.concat(parts, \",\")))",
            "end", ""));
}
