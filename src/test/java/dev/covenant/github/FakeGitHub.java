package dev.covenant.github;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process stand-in for github.com and its REST API that speaks GitHub's wire format, so the service can run its
 * real OAuth web flow (see {@link FakeOAuthFlow}) and GitHub API for Java (see {@link FakeGitHubApi}) against it.
 *
 * <p>The web side lives at {@link #webUrl()}, the API under {@code /api/v3}, the layout of GitHub Enterprise Server,
 * which is how GitHub API for Java accepts an endpoint other than api.github.com. There is one OAuth app, identified
 * by {@link #CLIENT_ID} and {@link #CLIENT_SECRET}. Everything is safe to use from several threads.
 */
public final class FakeGitHub implements AutoCloseable {

    public static final String CLIENT_ID = "Iv1.fakeclientid00";
    public static final String CLIENT_SECRET = "fake-client-secret-0123456789abcdef0123";

    static final String API_PREFIX = "/api/v3";
    private static final List<String> DEFAULT_SCOPES = List.of("read:user", "user:email");

    private final HttpServer server;
    private final ExecutorService executor;
    private final String webUrl;
    private final String apiUrl;
    private final long rateLimitReset = Instant.now().plusSeconds(3600).getEpochSecond();
    private final FakeGitHubApi api;
    private final FakeOAuthFlow oauth;
    private final FakeGitHubApps apps;
    private final FakeGitHubRepos repos;
    private final FakeFailures failures;
    private final List<FakeRoute> webRoutes;
    private final List<FakeRoute> apiRoutes;
    private final List<FakeRoute> appRoutes;
    private final ConcurrentLinkedQueue<RecordedRequest> recorded = new ConcurrentLinkedQueue<>();
    private volatile boolean down;

    static {
        // The JDK's server closes whatever idle keep-alive connections exceed 200, which a client about to reuse one
        // then sees as "received no bytes": 200 people signing in at once lost some sign-ins that way (a 502 from
        // the service), which GitHub does not do. Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "2000");
    }

    private FakeGitHub() throws IOException {
        // A deep backlog, since benchmarks open many connections at once.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 256);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "fake-github-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        webUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        apiUrl = webUrl + API_PREFIX;
        api = new FakeGitHubApi(webUrl, apiUrl, rateLimitReset);
        oauth = new FakeOAuthFlow(api);
        webRoutes = oauth.routes();
        apps = new FakeGitHubApps(api, webUrl, apiUrl);
        appRoutes = apps.routes();
        repos = new FakeGitHubRepos(api, apps, webUrl, apiUrl);
        apiRoutes = new ArrayList<>(repos.routes());
        apiRoutes.addAll(api.routes());
        failures = new FakeFailures(api);
    }

    public static FakeGitHub start() {
        try {
            FakeGitHub fake = new FakeGitHub();
            fake.server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake GitHub", e);
        }
    }

    /** Like https://github.com. */
    public String webUrl() {
        return webUrl;
    }

    /** Like a GitHub Enterprise API base; give it to {@code GitHubBuilder.withEndpoint}. */
    public String apiUrl() {
        return apiUrl;
    }

    /** Adds an account; adding a login again replaces it, so a fake shared by several test classes stays usable. */
    public FakeGitHub addUser(long id, String login, String name, List<FakeEmail> emails) {
        api.putUser(new FakeGitHubUser(id, login, name, emails, false));
        return this;
    }

    /** GitHub's "Keep my email addresses private": the profile's email turns null, /user/emails still lists them. */
    public FakeGitHub keepEmailPrivate(String login) {
        api.updateUser(login, FakeGitHubUser::withEmailPrivate);
        return this;
    }

    /** The account that authorize approves for browsers without a session of their own; null signs it out. */
    public void signInAs(String login) {
        oauth.signInAs(login == null ? null : api.requireUser(login).login());
    }

    /**
     * A URL that signs in whoever opens it through a session cookie, as github.com does, taking precedence over
     * {@link #signInAs}. Concurrent flows that each keep their own cookies can so act as different users.
     */
    public String signInUrl(String login) {
        return webUrl + "/_fake/sign-in?login="
                + URLEncoder.encode(api.requireUser(login).login(), StandardCharsets.UTF_8);
    }

    /** The next authorize, by anyone, is answered as if the user clicked Cancel. */
    public void denyNextAuthorization() {
        oauth.denyNext(true);
    }

    public void setDown(boolean down) {
        this.down = down;
    }

    /** Creates the organization on first use. */
    public void addOrgMember(String org, String login) {
        api.addOrgMember(org, login);
    }

    /** A token as if the user had completed the web flow with the usual scopes, for tests that skip the browser. */
    public String issueToken(String login) {
        return api.mintToken(new FakeGrant(api.requireUser(login).login(), null, DEFAULT_SCOPES));
    }

    /**
     * Registers a GitHub App whose JWTs must be signed (RS256) with the private half of {@code key}. Installations
     * added afterwards without an App id belong to it.
     */
    public FakeGitHub registerApp(long appId, PublicKey key) {
        apps.register(appId, key);
        return this;
    }

    /** Installs the last registered App on an account (a user's login, else an organization, created if new). */
    public FakeGitHub addInstallation(long installationId, String account) {
        return addInstallation(apps.lastAppId(), installationId, account);
    }

    public FakeGitHub addInstallation(long appId, long installationId, String account) {
        apps.addInstallation(appId, installationId, account);
        return this;
    }

    /** How long installation tokens minted from now on live; GitHub's are one hour, the default. */
    public void setInstallationTokenLifetime(Duration lifetime) {
        apps.tokenLifetime(lifetime);
    }

    /** Installation tokens created ({@code POST /app/installations/{id}/access_tokens} answered 201) since start. */
    public int installationTokensCreated() {
        return apps.tokensCreated();
    }

    /**
     * Creates (or replaces, empty) the private repository "owner/name" with a {@code main} branch of one commit,
     * readable and writable through the API only with tokens of installation {@code installationId}.
     */
    public FakeRepo addRepository(long repoId, String fullName, long installationId) {
        return repos.add(repoId, fullName, installationId);
    }

    /** @throws IllegalArgumentException when there is no such repository */
    public FakeRepo repository(String fullName) {
        return repos.get(fullName);
    }

    /** The slug of every registered App; the bot that writes for an installation is "{slug}[bot]". */
    public String appSlug() {
        return apps.slug();
    }

    /**
     * The next {@code times} API requests with this method whose path (relative to the API base, e.g.
     * {@code /repos/o/r/check-runs}) matches {@code pathRegex} whole are answered {@code status} with GitHub's error
     * body. Several scripted failures apply in the order they were added.
     */
    public void failNext(String method, String pathRegex, int times, int status) {
        failures.serverError(method, pathRegex, times, status);
    }

    /**
     * The next {@code times} API requests matching the method and path take effect (a check run is created), but are
     * answered {@code status}, as when a gateway times out after GitHub acted.
     */
    public void actedButAnswered(String method, String pathRegex, int times, int status) {
        failures.actedButAnswered(method, pathRegex, times, status);
    }

    /** The next API request matching the method and path (relative to the API base) waits until released. */
    public FakeHold holdNext(String method, String pathRegex) {
        return failures.hold(method, pathRegex);
    }

    /** Like {@link #failNext}, answered as GitHub's primary rate limit: 403 with X-RateLimit-Remaining 0. */
    public void rateLimitNext(String method, String pathRegex, int times, long resetEpochSecond) {
        failures.primaryRateLimit(method, pathRegex, times, resetEpochSecond);
    }

    /** Like {@link #failNext}, answered as GitHub's secondary rate limit: 403 with Retry-After. */
    public void secondaryRateLimitNext(String method, String pathRegex, int times, int retryAfterSeconds) {
        failures.secondaryRateLimit(method, pathRegex, times, retryAfterSeconds);
    }

    /** What {@code GET /rate_limit} and every X-RateLimit-Remaining header report from now on; it never decreases. */
    public void setRateLimitRemaining(int remaining) {
        api.coreRemaining(remaining);
    }

    /** Every request received since start or the last {@link #reset()}, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(recorded);
    }

    /**
     * Clears recorded requests, the down and deny switches, the installation token lifetime, scripted failures and
     * the rate limit remaining; accounts, Apps, installations, repositories, sign-ins, tokens and the token counter
     * survive.
     */
    public void reset() {
        recorded.clear();
        down = false;
        oauth.denyNext(false);
        apps.tokenLifetime(Duration.ofHours(1));
        failures.clear();
        api.coreRemaining(FakeGitHubApi.CORE_LIMIT - 1);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            RecordedRequest request = record(exchange);
            recorded.add(request);
            String requestId = requestId();
            String path = request.path();
            boolean isApi = path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/");
            FakeResponse response;
            try {
                response = down
                        ? FakeResponse.error(503, "Service Unavailable")
                        : isApi
                                ? answerApi(request, path.substring(API_PREFIX.length()), requestId)
                                : answerWeb(request);
            } catch (RuntimeException e) {
                // Surfaces a bug in the fake itself in the test output instead of a hung client.
                e.printStackTrace();
                response = FakeResponse.error(500, "Server Error: " + e);
            }
            if (isApi) {
                response = withApiHeaders(response, request);
            }
            send(exchange, response.withHeader("X-GitHub-Request-Id", requestId));
        } catch (IOException e) {
            // The client went away mid-exchange; nobody is left to answer.
        }
    }

    private static RecordedRequest record(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
    }

    private static void send(HttpExchange exchange, FakeResponse response) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private FakeResponse answerWeb(RecordedRequest request) {
        FakeResponse found = FakeRoute.dispatch(webRoutes, request, request.path());
        return found != null ? found : FakeResponse.html(404, "Not Found");
    }

    private FakeResponse answerApi(RecordedRequest request, String path, String requestId) {
        FakeResponse scripted = failures.answer(request, path, requestId);
        if (scripted != null) {
            return scripted;
        }
        // The App's endpoints take a JWT, not a token, and check it themselves.
        if (FakeGitHubApps.isAppPath(path)) {
            FakeResponse found = FakeRoute.dispatch(appRoutes, request, path);
            return found != null ? found : FakeResponse.error(404, "Not Found");
        }
        // GitHub rejects a wrong token even where anonymous callers are welcome.
        if (request.header("Authorization") != null && api.grant(request) == null) {
            return FakeResponse.error(401, "Bad credentials");
        }
        FakeResponse found = FakeRoute.dispatch(apiRoutes, request, path);
        FakeResponse lost = failures.afterwards(request, path, requestId);
        if (lost != null) {
            return lost;
        }
        return found != null ? found : FakeResponse.error(404, "Not Found");
    }

    private FakeResponse withApiHeaders(FakeResponse response, RecordedRequest request) {
        FakeResponse headed = response
                .withHeader("X-GitHub-Media-Type", "github.v3; format=json")
                .withHeader("X-GitHub-Api-Version-Selected", "2022-11-28")
                .withDefaultHeader("X-RateLimit-Limit", String.valueOf(FakeGitHubApi.CORE_LIMIT))
                .withDefaultHeader("X-RateLimit-Remaining", String.valueOf(api.coreRemaining()))
                .withDefaultHeader("X-RateLimit-Reset", String.valueOf(rateLimitReset))
                .withDefaultHeader("X-RateLimit-Used", String.valueOf(FakeGitHubApi.CORE_LIMIT - api.coreRemaining()))
                .withDefaultHeader("X-RateLimit-Resource", "core");
        FakeGrant grant = api.grant(request);
        return grant == null || grant.isInstallation()
                ? headed
                : headed.withHeader("X-OAuth-Scopes", String.join(", ", grant.scopes()));
    }

    /** Shaped like GitHub's, e.g. "C0DE:1A2B3C:4D5E6F7:7A8B9C0:65F0A1B2". */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%04X:%06X:%07X:%07X:%08X", random.nextInt(0x10000), random.nextInt(0x1000000),
                random.nextInt(0x10000000), random.nextInt(0x10000000), System.currentTimeMillis() / 1000);
    }
}
