package dev.covenant.bench;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.covenant.ServiceProcess;
import dev.covenant.github.FakeEmail;
import dev.covenant.github.FakeGitHub;

/**
 * A benchmark, not a test: 200 people sign the individual agreement at the same moment against the packaged
 * service, each in a browser of their own (cookie jar, OAuth hops followed by hand). All of them sign in and open the
 * signing page at once; when every page is read, all of them click "Sign" at once, each submitting the form twice
 * (the double click), each click on a connection of its own. The clicks are sent and timed by {@link RawBurst}, one
 * thread writing bytes and reading answers: the Java HTTP client that does the rest measured itself as much as the
 * service (its compiler and threads took as much CPU in the click phase as the service did). It fails if any
 * signature is missing or recorded twice, if the ledger does not verify, or if the two submissions of one person do
 * not land on the same receipt; it reports the signing page's render time.
 *
 * <p>Run with {@code ./mvnw -B -Pbench verify}; results in {@code target/bench/signing.txt}, the service's log in
 * {@code target/bench/service.log}; the service is started by {@link ServiceProcess}.
 *
 * <p>The burst is timed on a service that has been in use: before it, 1,500 other people sign, eight at a time, then
 * 200 others sign at once (reported, not counted). On a fresh JVM the compiler threads of the service and of this
 * client took 2 s of CPU in a burst of 2 s on two cores, and the service's kept compiling through three further
 * bursts; what the target is about, the signatures' one writer, is timed once that is done. {@code
 * -Dbench.warmupSigners=20 -Dbench.warmupThreads=1 -Dbench.warmupBursts=0} times a fresh service, as the benchmark
 * did before.
 *
 * <p>Knobs (system properties): {@code bench.signers} (200), {@code bench.warmup} (20 anonymous page views before the
 * burst), {@code bench.warmupSigners} (1,500 other people who sign before it, not counted), {@code bench.warmupThreads}
 * (8 of them at a time), {@code bench.warmupBursts} (1 burst of as many other people as {@code bench.signers}, signing
 * at once), {@code bench.budgetSeconds} (300), {@code bench.serviceJvmArgs} (none; extra -D options for the service, to
 * diagnose, e.g. {@code -Dquarkus.datasource.jdbc.acquisition-timeout=60S}).
 */
class SigningBenchmark {

    private static final int SIGNERS = Integer.getInteger("bench.signers", 200);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    private static final int WARMUP_SIGNERS = Integer.getInteger("bench.warmupSigners", 1500);
    private static final int WARMUP_THREADS = Integer.getInteger("bench.warmupThreads", 8);
    private static final int WARMUP_BURSTS = Integer.getInteger("bench.warmupBursts", 1);
    private static final Duration BUDGET = Duration.ofSeconds(Integer.getInteger("bench.budgetSeconds", 300));
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final long FIRST_ID = 91_000_000L;
    private static final String ADMIN_TOKEN = "bench-admin-token-" + Long.toHexString(System.nanoTime());
    private static final String AGREEMENT = "individual";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([^\"]+)\"");
    private static final Pattern SHA256 = Pattern.compile("name=\"sha256\" value=\"([0-9a-f]{64})\"");
    private static final Pattern RECEIPT = Pattern.compile("/signatures/[0-9a-f-]{36}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCESS_PREFIX = "bench-access ";

    /** What one signer saw; latencies in nanoseconds, -1 where the step was not reached. */
    static final class Signer {
        final int index;
        final long githubId;
        final String login;
        long signIn = -1;
        long page = -1;
        final long[] post = {-1, -1};
        final int[] postStatus = {-1, -1};
        final String[] postLocation = new String[2];
        String failure;

        Signer(int index) {
            this.index = index;
            this.githubId = FIRST_ID + index;
            this.login = "bench-signer-" + index;
        }

        String email() {
            return login + "@bench.example.org";
        }
    }

    @Test
    void twoHundredConcurrentSigners() throws Exception {
        Path out = BenchReport.out();
        String loadBefore = BenchReport.loadAverage();

        try (FakeGitHub github = FakeGitHub.start(); ServiceProcess service = startService(out, github)) {
            List<Signer> signers = new ArrayList<>();
            for (int i = 0; i < SIGNERS; i++) {
                Signer s = new Signer(i);
                github.addUser(s.githubId, s.login, "Bench Signer " + i, List.of(FakeEmail.primaryVerified(s.email())));
                signers.add(s);
            }
            ExecutorService httpExecutor = Executors.newCachedThreadPool(BenchReport.daemon("bench-http-"));
            try {
                HttpClient admin = client(httpExecutor);
                warmUp(admin, service, github);
                List<String> earlierBursts = warmUpBursts(service, github, admin);
                JsonNode before = getJson(admin, service.url("/api/ledger/verify"));
                long ledgerBefore = before.path("entries").asLong(-1);

                Run run = runSigners(signers, service, github, admin);

                List<String> problems = new ArrayList<>();
                signers.stream().filter(s -> s.failure != null).limit(10)
                        .forEach(s -> problems.add(s.login + ": " + s.failure));
                long failedSigners = signers.stream().filter(s -> s.failure != null).count();
                if (failedSigners > 10) {
                    problems.add("... and " + (failedSigners - 10) + " more signers failed");
                }
                if (!run.finished) {
                    problems.add("the signers did not finish within " + BUDGET.toSeconds() + " s");
                }

                // Both submissions of every signer: 303 to one and the same receipt.
                long raceMismatches = 0;
                Map<Long, String> receiptOf = new HashMap<>();
                for (Signer s : signers) {
                    boolean ok = s.postStatus[0] == 303 && s.postStatus[1] == 303 && s.postLocation[0] != null
                            && s.postLocation[0].equals(s.postLocation[1]) && RECEIPT.matcher(s.postLocation[0]).find();
                    if (!ok) {
                        raceMismatches++;
                        if (s.failure == null && problems.size() < 20) {
                            problems.add(s.login + ": the two submissions answered " + s.postStatus[0] + " "
                                    + s.postLocation[0]
                                    + " and " + s.postStatus[1] + " " + s.postLocation[1]);
                        }
                    } else {
                        Matcher m = RECEIPT.matcher(s.postLocation[0]);
                        m.find();
                        receiptOf.put(s.githubId, m.group().substring("/signatures/".length()));
                    }
                }
                if (raceMismatches > 0) {
                    problems.add(raceMismatches + " signers did not get 303 to the same receipt on both submissions");
                }

                // The service's own record: one signature per person, and the ones the receipts named.
                JsonNode exported = getJson(admin, service.url("/api/agreements/" + AGREEMENT + "/signatures"));
                Map<Long, List<String>> byPerson = new HashMap<>();
                Set<Long> ours = new HashSet<>();
                signers.forEach(s -> ours.add(s.githubId));
                int recorded = 0;
                for (JsonNode row : exported) {
                    long id = row.path("githubId").asLong();
                    if (ours.contains(id)) {
                        recorded++;
                        byPerson.computeIfAbsent(id, k -> new ArrayList<>()).add(row.path("signature").asText());
                    }
                }
                long duplicates = byPerson.values().stream().mapToLong(l -> l.size() - 1).sum();
                long missing = signers.stream().filter(s -> !byPerson.containsKey(s.githubId)).count();
                long wrongReceipt = receiptOf.entrySet().stream()
                        .filter(e -> !List.of(e.getValue()).equals(byPerson.get(e.getKey()))).count();
                if (recorded != SIGNERS) {
                    problems.add(
                            "expected " + SIGNERS + " signatures for the signers, the service recorded " + recorded);
                }
                if (duplicates > 0) {
                    problems.add(duplicates + " duplicate signatures");
                }
                if (missing > 0) {
                    problems.add(missing + " signers have no signature");
                }
                if (wrongReceipt > 0) {
                    problems.add(
                            wrongReceipt + " receipts do not name the signature the service holds for that person");
                }

                JsonNode verify = getJson(admin, service.url("/api/ledger/verify"));
                boolean intact = verify.path("intact").asBoolean(false);
                long ledgerAfter = verify.path("entries").asLong(-1);
                long ledgerAdded = ledgerAfter - ledgerBefore;
                if (!intact) {
                    problems.add("the ledger does not verify: " + verify);
                }
                if (ledgerAdded != SIGNERS) {
                    problems.add("expected " + SIGNERS + " new ledger entries, got " + ledgerAdded);
                }

                String ledgerRate = ledgerRate(admin, service, ledgerBefore);
                long serviceErrors = service.logErrors();
                String report = report(signers, run, earlierBursts, loadBefore, recorded, duplicates, intact,
                        ledgerAdded,
                        raceMismatches,
                        failedSigners, serviceErrors, ledgerRate, service);
                System.out.println(report);
                Files.writeString(out.resolve("signing.txt"), report);
                long[] posts = signers.stream().flatMapToLong(s -> Arrays.stream(s.post)).filter(v -> v >= 0)
                        .sorted().toArray();
                BenchRatios.bound("signing", signers.size() + " people signing at once, p99 of the sign POST",
                        posts.length == 0 ? Double.NaN : BenchReport.percentile(posts, 99) / 1e9, "s",
                        BenchRatios.Goal.AT_MOST, 1, "each submits the form twice at once; " + ledgerRate);
                writeLatencies(out.resolve("signing-latencies.csv"), signers);

                if (!problems.isEmpty()) {
                    fail("The signing benchmark found problems (service log: " + service.log() + "):\n  "
                            + String.join("\n  ", problems));
                }
            } finally {
                httpExecutor.shutdownNow();
            }
        }
    }

    // ---------------------------------------------------------------- the burst

    /** The whole run, and its second phase: from the last page read to the last answer to a click. */
    record Run(long wallNanos, long clickNanos, boolean finished, Map<Integer, Integer> statuses) {
    }

    private static Run runSigners(List<Signer> signers, ServiceProcess service, FakeGitHub github, HttpClient shared)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(signers.size(), BenchReport.daemon("bench-signer-"));
        CountDownLatch ready = new CountDownLatch(signers.size());
        CountDownLatch go = new CountDownLatch(1);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        String[] forms = new String[signers.size()];
        String[] cookies = new String[signers.size()];
        long[] startedAt = new long[1];
        for (int i = 0; i < signers.size(); i++) {
            Signer s = signers.get(i);
            int at = i;
            pool.execute(() -> {
                // Each browser gets its cookie jar before the start, so the burst measures the service.
                BenchBrowser browser = new BenchBrowser(shared);
                ready.countDown();
                try {
                    go.await();
                    forms[at] = open(s, browser, service, github, statuses, startedAt[0] + BUDGET.toNanos());
                    cookies[at] = browser.cookies(URI.create(service.url("/")));
                } catch (InterruptedException e) {
                    s.failure = "interrupted (out of time)";
                    Thread.currentThread().interrupt();
                } catch (Exception | AssertionError e) {
                    s.failure = String.valueOf(e);
                }
            });
        }
        ready.await();
        startedAt[0] = System.nanoTime();
        go.countDown();
        pool.shutdown();
        // Everyone has signed in and is reading the page before anyone clicks "Sign": the burst of point 3 is the
        // clicks, each person's two at once, sent by one thread (RawBurst) so that the client's own work stays small.
        boolean finished = pool.awaitTermination(BUDGET.toNanos(), TimeUnit.NANOSECONDS);
        long clicks = System.nanoTime();
        if (finished) {
            click(signers, forms, cookies, service, statuses, startedAt[0] + BUDGET.toNanos());
        } else {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        long now = System.nanoTime();
        return new Run(now - startedAt[0], now - clicks, finished, new java.util.TreeMap<>(statuses));
    }

    /** Every signer who read the page clicks "Sign" twice, at once with everyone else. */
    private static void click(List<Signer> signers, String[] forms, String[] cookies, ServiceProcess service,
            Map<Integer, Integer> statuses, long deadline) {
        URI base = URI.create(service.url("/"));
        List<Signer> clicking = new ArrayList<>();
        List<RawBurst.Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < signers.size(); i++) {
            if (forms[i] == null) {
                continue;
            }
            clicking.add(signers.get(i));
            for (int k = 0; k < 2; k++) {
                exchanges.add(new RawBurst.Exchange(RawBurst.formPost(base.getHost(), base.getPort(),
                        "/agreements/" + AGREEMENT + "/sign", cookies[i], forms[i])));
            }
        }
        RawBurst.run(base.getHost(), base.getPort(), exchanges, deadline);
        for (int j = 0; j < clicking.size(); j++) {
            Signer s = clicking.get(j);
            for (int k = 0; k < 2; k++) {
                RawBurst.Exchange e = exchanges.get(2 * j + k);
                if (e.failure != null) {
                    s.failure = "click " + (k + 1) + ": " + e.failure;
                    continue;
                }
                statuses.merge(e.status, 1, Integer::sum);
                s.post[k] = e.nanos;
                s.postStatus[k] = e.status;
                s.postLocation[k] = e.location;
            }
        }
    }

    /** One person, in both phases. */
    static void sign(Signer s, BenchBrowser browser, ServiceProcess service, FakeGitHub github,
            Map<Integer, Integer> statuses, long deadline) throws Exception {
        submit(s, browser, service, open(s, browser, service, github, statuses, deadline), statuses, deadline);
    }

    /** Sign in with GitHub and open the signing page: the form as the person's browser would submit it. */
    static String open(Signer s, BenchBrowser browser, ServiceProcess service, FakeGitHub github,
            Map<Integer, Integer> statuses, long deadline) throws Exception {
        // Signed in at GitHub already, as a person who clicks "Sign in with GitHub" usually is.
        expect(200, get(browser, github.signInUrl(s.login), deadline, statuses), "fake GitHub sign-in");

        long t0 = System.nanoTime();
        HttpResponse<String> login = get(browser, service.url("/login?next=/agreements/" + AGREEMENT), deadline,
                statuses);
        expect(303, login, "GET /login");
        HttpResponse<String> authorize = get(browser, location(login), deadline, statuses);
        expect(302, authorize, "GitHub authorize");
        HttpResponse<String> callback = get(browser, location(authorize), deadline, statuses);
        expect(303, callback, "GET /login/callback");
        s.signIn = System.nanoTime() - t0;
        String next = location(callback);
        if (!next.endsWith("/agreements/" + AGREEMENT)) {
            throw new AssertionError("sign-in sent the browser to " + next);
        }

        long t1 = System.nanoTime();
        HttpResponse<String> page = get(browser, service.url("/agreements/" + AGREEMENT), deadline, statuses);
        s.page = System.nanoTime() - t1;
        expect(200, page, "the signing page");
        String html = page.body();
        return "_csrf=" + enc(find(CSRF, html, "_csrf")) + "&version=" + enc(find(VERSION, html, "version"))
                + "&sha256=" + enc(find(SHA256, html, "sha256")) + "&name=" + enc("Bench Signer " + s.index)
                + "&email=" + enc(s.email());
    }

    /** Click "Sign": the form submitted twice at once, on two connections (the double click). */
    static void submit(Signer s, BenchBrowser browser, ServiceProcess service, String form,
            Map<Integer, Integer> statuses, long deadline) throws Exception {

        HttpRequest post = HttpRequest.newBuilder(URI.create(service.url("/agreements/" + AGREEMENT + "/sign")))
                .timeout(remaining(deadline)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int which = i;
            long started = System.nanoTime();
            sent.add(browser.sendAsync(post).thenApply(r -> {
                s.post[which] = System.nanoTime() - started;
                return r;
            }));
        }
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = sent.get(i).get(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS);
            statuses.merge(r.statusCode(), 1, Integer::sum);
            s.postStatus[i] = r.statusCode();
            s.postLocation[i] = r.headers().firstValue("Location").orElse(null);
        }
    }

    /** How fast the serialised part (one ledger append at a time) went: span of the new entries' timestamps. */
    private static String ledgerRate(HttpClient admin, ServiceProcess service, long after) {
        try {
            JsonNode entries = getJson(admin, service.url("/api/ledger?after=" + after + "&limit=1000"));
            List<Instant> times = new ArrayList<>();
            for (JsonNode e : entries) {
                if ("signature.signed".equals(e.path("kind").asText())) {
                    times.add(Instant.parse(e.path("recordedAt").asText()));
                }
            }
            if (times.size() < 2) {
                return times.size() + " entries";
            }
            times.sort(Comparator.naturalOrder());
            double span = Duration.between(times.get(0), times.get(times.size() - 1)).toNanos() / 1e9;
            return String.format(Locale.ROOT, "%d in %.2f s (%.1f per second, first to last), %s", times.size(), span,
                    (times.size() - 1) / span, transactions(service, after));
        } catch (Exception e) {
            return "unknown (" + e + ")";
        }
    }

    /** How many transactions wrote the signatures' ledger entries (entries of one transaction share its xmin). */
    private static String transactions(ServiceProcess service, long after) {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(service.databaseUrl(), "postgres", "");
                java.sql.Statement statement = db.createStatement();
                java.sql.ResultSet row = statement.executeQuery("SELECT count(DISTINCT xmin::text) FROM ledger_entry"
                        + " WHERE kind = 'signature.signed' AND seq > " + after)) {
            row.next();
            return "in " + row.getLong(1) + " transactions";
        } catch (java.sql.SQLException e) {
            return "transactions unknown (" + e.getMessage() + ")";
        }
    }

    /**
     * Page views, then people other than the burst's signing, a few at a time: a service that has recorded signatures
     * before has compiled the click's code, which the burst would otherwise wait for (a first batch of one signature
     * took 0.3 s, a later one of 199 took 0.13 s).
     */
    private static void warmUp(HttpClient shared, ServiceProcess service, FakeGitHub github) throws Exception {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        for (int i = 0; i < WARMUP; i++) {
            expect(200,
                    get(new BenchBrowser(shared), service.url("/agreements/" + AGREEMENT), deadline, new HashMap<>()),
                    "warm-up page");
        }
        ExecutorService warmers = Executors.newFixedThreadPool(WARMUP_THREADS, BenchReport.daemon("bench-warm-"));
        try {
            List<Future<Signer>> done = new ArrayList<>();
            for (int i = 0; i < WARMUP_SIGNERS; i++) {
                Signer s = new Signer(SIGNERS + i);
                github.addUser(s.githubId, s.login, "Warm-up Signer " + i,
                        List.of(FakeEmail.primaryVerified(s.email())));
                done.add(warmers.submit(() -> {
                    sign(s, new BenchBrowser(shared), service, github, new HashMap<>(), deadline);
                    return s;
                }));
            }
            for (Future<Signer> f : done) {
                Signer s = f.get();
                if (s.postStatus[0] != 303) {
                    throw new AssertionError("warm-up signer " + s.login + " got " + s.postStatus[0]);
                }
            }
        } finally {
            warmers.shutdownNow();
        }
    }

    /**
     * Bursts of other people signing at once before the measured one, as a service that has been running meets them:
     * the first burst on a fresh JVM spends a core or more compiling the batch's code (C1 and C2 threads took 1.4 s of
     * CPU in a burst of 2 s), which a service up for more than a moment has done. Each burst's p99 is reported.
     */
    private static List<String> warmUpBursts(ServiceProcess service, FakeGitHub github, HttpClient shared)
            throws InterruptedException {
        List<String> seen = new ArrayList<>();
        for (int round = 0; round < WARMUP_BURSTS; round++) {
            List<Signer> others = new ArrayList<>();
            for (int i = 0; i < SIGNERS; i++) {
                Signer s = new Signer(SIGNERS + WARMUP_SIGNERS + round * SIGNERS + i);
                github.addUser(s.githubId, s.login, "Burst Signer " + i, List.of(FakeEmail.primaryVerified(s.email())));
                others.add(s);
            }
            Run run = runSigners(others, service, github, shared);
            long failed = others.stream().filter(s -> s.failure != null).count();
            if (failed > 0 || !run.finished()) {
                throw new AssertionError("warm-up burst " + (round + 1) + ": " + failed + " signers failed, e.g. "
                        + others.stream().filter(s -> s.failure != null).findFirst().map(s -> s.failure).orElse(""));
            }
            long[] posts = others.stream().flatMapToLong(s -> Arrays.stream(s.post)).filter(v -> v >= 0).sorted()
                    .toArray();
            seen.add(String.format(Locale.ROOT, "burst %d: p50 %.0f ms, p99 %.0f ms", round + 1,
                    BenchReport.percentile(posts, 50) / 1e6, BenchReport.percentile(posts, 99) / 1e6));
        }
        return seen;
    }

    // ---------------------------------------------------------------- HTTP

    /** The HTTP client every person's {@link BenchBrowser} shares: no cookies of its own, redirects by hand. */
    static HttpClient client(ExecutorService executor) {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20)).executor(executor).build();
    }

    private static HttpResponse<String> get(BenchBrowser browser, String url, long deadline,
            Map<Integer, Integer> statuses)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(remaining(deadline))
                .header("User-Agent", "covenant-signing-benchmark").GET().build();
        HttpResponse<String> response = browser.send(request);
        statuses.merge(response.statusCode(), 1, Integer::sum);
        return response;
    }

    private static JsonNode getJson(HttpClient client, String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static Duration remaining(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new IllegalStateException("out of time");
        }
        return Duration.ofNanos(Math.min(left, REQUEST_TIMEOUT.toNanos()));
    }

    private static void expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
            throw new AssertionError(what + ": expected " + status + ", got " + response.statusCode() + " "
                    + body.substring(0, Math.min(300, body.length())));
        }
    }

    private static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location on " + response.uri()));
        return response.uri().resolve(location).toString();
    }

    private static String find(Pattern pattern, String html, String what) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new AssertionError("the signing page has no " + what + " field (is the form shown?)");
        }
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- report

    private static String report(List<Signer> signers, Run run, List<String> earlierBursts, String loadBefore,
            int recorded, long duplicates,
            boolean intact, long ledgerAdded, long raceMismatches, long failedSigners, long serviceErrors,
            String ledgerRate,
            ServiceProcess service) {
        long[] signIn = signers.stream().mapToLong(s -> s.signIn).filter(v -> v >= 0).toArray();
        long[] page = signers.stream().mapToLong(s -> s.page).filter(v -> v >= 0).toArray();
        long[] post = signers.stream().flatMapToLong(s -> Arrays.stream(s.post)).filter(v -> v >= 0).toArray();
        return new BenchReport("Covenant signing benchmark (./mvnw -B -Pbench verify)").machine(loadBefore)
                .put("service",
                        service.describe() + "; warm-up " + WARMUP_SIGNERS + " signatures, " + WARMUP_THREADS
                                + " at a time, "
                                + WARMUP_BURSTS + " burst(s) of " + SIGNERS + ", " + WARMUP
                                + " anonymous signing-page views; fake GitHub in the benchmark JVM")
                .put("signers", signers.size() + " concurrent (one thread and cookie jar each, released together)")
                .put("wall time", String.format(Locale.ROOT, "%.2f s%s", run.wallNanos() / 1e9,
                        run.finished() ? "" : " (budget of " + BUDGET.toSeconds() + " s exhausted)"))
                .put("signing burst (last page read to last answer)",
                        String.format(Locale.ROOT, "%.2f s", run.clickNanos() / 1e9))
                .put("sign-in (login -> authorize -> callback)", BenchReport.summary(signIn, false))
                .put("signing page render (GET, full body)", BenchReport.summary(page, true))
                .put("sign POST (2 per signer, all signers at once)", BenchReport.summary(post, true))
                .put("sign POST in the earlier bursts (other people, not counted)",
                        earlierBursts.isEmpty() ? "none" : String.join("; ", earlierBursts))
                .put("sign POST inside the service (its access log: headers read to answer written)",
                        BenchReport.summary(insideService(service, post.length), true))
                .put("HTTP statuses seen by signers", run.statuses().toString())
                .put("signers failed", String.valueOf(failedSigners))
                .put("signatures recorded", recorded + " of " + signers.size())
                .put("duplicates", String.valueOf(duplicates))
                .put("double submissions not on one receipt", String.valueOf(raceMismatches))
                .put("ledger entries added", String.valueOf(ledgerAdded))
                .put("ledger intact", String.valueOf(intact))
                .put("signature ledger appends", ledgerRate)
                .put("service log ERROR lines", String.valueOf(serviceErrors))
                .toString();
    }

    private static void writeLatencies(Path file, List<Signer> signers) throws IOException {
        StringBuilder csv = new StringBuilder(
                "signer,sign_in_ms,page_ms,post1_ms,post2_ms,post1_status,post2_status\n");
        signers.stream().sorted(Comparator.comparingInt(s -> s.index))
                .forEach(s -> csv.append(String.format(Locale.ROOT,
                        "%s,%.3f,%.3f,%.3f,%.3f,%d,%d%n", s.login, s.signIn / 1e6, s.page / 1e6, s.post[0] / 1e6,
                        s.post[1] / 1e6,
                        s.postStatus[0], s.postStatus[1])));
        Files.writeString(file, csv);
    }

    // ---------------------------------------------------------------- the service under test

    /**
     * The service's own time for the last {@code count} sign POSTs, in nanoseconds: what the client measured beyond it
     * went to sending, connecting and reading on the same two cores, and to the wait for an event loop to read the
     * request.
     */
    private static long[] insideService(ServiceProcess service, int count) {
        String marker = ACCESS_PREFIX + "POST /agreements/" + AGREEMENT + "/sign ";
        List<Long> millis = new ArrayList<>();
        for (String line : service.logLines()) {
            int at = line.indexOf(marker);
            if (at >= 0) {
                String[] rest = line.substring(at + marker.length()).trim().split(" ");
                if (rest.length == 2 && rest[1].chars().allMatch(Character::isDigit)) {
                    millis.add(Long.parseLong(rest[1]));
                }
            }
        }
        return millis.subList(Math.max(0, millis.size() - count), millis.size()).stream()
                .mapToLong(ms -> ms * 1_000_000).toArray();
    }

    private static ServiceProcess startService(Path out, FakeGitHub github) throws IOException, InterruptedException {
        return ServiceProcess.start(ServiceProcess.jar(), out.resolve("service.log"), Map.of(
                "COVENANT_ADMIN_TOKEN", ADMIN_TOKEN,
                "COVENANT_GITHUB_API_URL", github.apiUrl(),
                "COVENANT_GITHUB_WEB_URL", github.webUrl(),
                "COVENANT_GITHUB_CLIENT_ID", FakeGitHub.CLIENT_ID,
                "COVENANT_GITHUB_CLIENT_SECRET", FakeGitHub.CLIENT_SECRET,
                // Each request's time inside the service, from its headers read to its answer written.
                "QUARKUS_HTTP_ACCESS_LOG_ENABLED", "true",
                "QUARKUS_HTTP_RECORD_REQUEST_START_TIME", "true",
                "QUARKUS_HTTP_ACCESS_LOG_PATTERN", ACCESS_PREFIX + "%m %U %s %D"));
    }
}
