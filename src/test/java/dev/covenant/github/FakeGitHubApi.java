package dev.covenant.github;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

/**
 * The REST side of {@link FakeGitHub} together with the accounts, organizations and tokens it serves. Paths here are
 * relative to the API base, as GitHub documents them.
 */
final class FakeGitHubApi {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    static final int CORE_LIMIT = 5000;
    /** GitHub's committer of web-interface commits; it is no fake's account but /users/web-flow answers. */
    static final FakeGitHubUser WEB_FLOW = new FakeGitHubUser(19864447L, "web-flow", "GitHub Web Flow", List.of(),
            false);

    private record Org(String login, long id, Set<String> members) {
    }

    private final String webUrl;
    private final String apiUrl;
    private final long rateLimitReset;
    // Keys are lower-cased because GitHub logins and org names are case-insensitive.
    private final Map<String, FakeGitHubUser> users = new ConcurrentHashMap<>();
    private final Map<String, Org> orgs = new ConcurrentHashMap<>();
    private final Map<String, FakeGrant> tokens = new ConcurrentHashMap<>();
    private final AtomicLong nextOrgId = new AtomicLong(9_000_001);
    private volatile int coreRemaining = CORE_LIMIT - 1;

    FakeGitHubApi(String webUrl, String apiUrl, long rateLimitReset) {
        this.webUrl = webUrl;
        this.apiUrl = apiUrl;
        this.rateLimitReset = rateLimitReset;
    }

    List<FakeRoute> routes() {
        return List.of(
                FakeRoute.get("/?", (request, path) -> FakeResponse.json(200, root())),
                FakeRoute.get("/rate_limit", (request, path) -> FakeResponse.json(200, rateLimit())),
                FakeRoute.get("/user", this::authenticatedUser),
                FakeRoute.get("/user/emails", this::emails),
                FakeRoute.get("/users/([^/]+)", this::userByLogin),
                FakeRoute.get("/orgs/([^/]+)", this::organization),
                FakeRoute.get("/orgs/([^/]+)/members/([^/]+)", this::membership),
                FakeRoute.get("/orgs/([^/]+)/public_members/([^/]+)", this::publicMembership));
    }

    // ---- directory ----

    void putUser(FakeGitHubUser user) {
        users.put(key(user.login()), user);
    }

    void updateUser(String login, UnaryOperator<FakeGitHubUser> change) {
        users.computeIfPresent(key(requireUser(login).login()), (k, user) -> change.apply(user));
    }

    /** The account with this login in any capitalisation, or null. */
    FakeGitHubUser user(String login) {
        return login == null ? null : users.get(key(login));
    }

    /** The account that has verified {@code email}, as GitHub links commits to accounts; else null. */
    FakeGitHubUser userWithVerifiedEmail(String email) {
        return users.values().stream()
                .filter(user -> user.emails().stream().anyMatch(e -> e.verified() && e.email().equalsIgnoreCase(email)))
                .findFirst().orElse(null);
    }

    FakeGitHubUser userWithId(long id) {
        return users.values().stream().filter(user -> user.id() == id).findFirst().orElse(null);
    }

    FakeGitHubUser requireUser(String login) {
        FakeGitHubUser user = user(login);
        if (user == null) {
            throw new IllegalArgumentException("no such fake GitHub user: " + login);
        }
        return user;
    }

    void addOrgMember(String org, String login) {
        String member = key(requireUser(login).login());
        orgs.computeIfAbsent(key(org), k -> new Org(org, nextOrgId.getAndIncrement(), ConcurrentHashMap.newKeySet()))
                .members().add(member);
    }

    /**
     * Mints a token in GitHub's shape: "gho_" (OAuth app user token) or, for an App installation, "ghs_", then 36
     * base62 characters.
     */
    String mintToken(FakeGrant grant) {
        char[] chars = new char[36];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        String token = (grant.isInstallation() ? "ghs_" : "gho_") + new String(chars);
        tokens.put(token, grant);
        return token;
    }

    /** The grant behind {@code Authorization: token X} or {@code Bearer X}, or null. */
    FakeGrant grant(RecordedRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null) {
            return null;
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        boolean tokenScheme = parts[0].equalsIgnoreCase("token") || parts[0].equalsIgnoreCase("bearer");
        FakeGrant grant = tokenScheme && parts.length == 2 ? tokens.get(parts[1].trim()) : null;
        // An expired installation token is a bad credential, as on GitHub.
        return grant != null && grant.expiresAt() != null && !Instant.now().isBefore(grant.expiresAt()) ? null : grant;
    }

    /** The simple-user object GitHub embeds as an owner or account: a known user, else an organization. */
    Map<String, Object> accountJson(String login) {
        FakeGitHubUser user = user(login);
        if (user != null) {
            return user.toJson(apiUrl, webUrl, false);
        }
        Org org = orgs.computeIfAbsent(key(login),
                k -> new Org(login, nextOrgId.getAndIncrement(), ConcurrentHashMap.newKeySet()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("login", org.login());
        json.put("id", org.id());
        json.put("node_id", Base64.getEncoder().encodeToString(
                ("012:Organization" + org.id()).getBytes(StandardCharsets.UTF_8)));
        json.put("avatar_url", webUrl + "/avatars/u/" + org.id() + "?v=4");
        json.put("url", apiUrl + "/users/" + org.login());
        json.put("html_url", webUrl + "/" + org.login());
        json.put("type", "Organization");
        json.put("site_admin", false);
        return json;
    }

    /** What is left of the core quota, as {@code GET /rate_limit} and every X-RateLimit-Remaining report it. */
    int coreRemaining() {
        return coreRemaining;
    }

    void coreRemaining(int remaining) {
        coreRemaining = remaining;
    }

    // ---- endpoints ----

    private FakeResponse authenticatedUser(RecordedRequest request, Matcher path) {
        FakeGrant grant = grant(request);
        if (grant == null) {
            return FakeResponse.error(401, "Requires authentication");
        }
        if (grant.isInstallation()) {
            return FakeResponse.error(403, "Resource not accessible by integration");
        }
        return FakeResponse.json(200, requireUser(grant.login()).toJson(apiUrl, webUrl, true));
    }

    private FakeResponse emails(RecordedRequest request, Matcher path) {
        FakeGrant grant = grant(request);
        if (grant == null) {
            return FakeResponse.error(401, "Requires authentication");
        }
        if (grant.isInstallation()) {
            return FakeResponse.error(403, "Resource not accessible by integration");
        }
        // GitHub hides what a token's scopes do not reach behind a 404.
        if (!grant.scopes().contains("user:email") && !grant.scopes().contains("user")) {
            return FakeResponse.error(404, "Not Found");
        }
        return FakeResponse.json(200, requireUser(grant.login()).emailsJson());
    }

    private FakeResponse userByLogin(RecordedRequest request, Matcher path) {
        FakeGitHubUser user = WEB_FLOW.login().equalsIgnoreCase(path.group(1)) ? WEB_FLOW : user(path.group(1));
        return user == null
                ? FakeResponse.error(404, "Not Found")
                : FakeResponse.json(200, user.toJson(apiUrl, webUrl, false));
    }

    private FakeResponse organization(RecordedRequest request, Matcher path) {
        Org org = orgs.get(key(path.group(1)));
        if (org == null) {
            return FakeResponse.error(404, "Not Found");
        }
        String api = apiUrl + "/orgs/" + org.login();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("login", org.login());
        json.put("id", org.id());
        json.put("node_id", Base64.getEncoder().encodeToString(
                ("012:Organization" + org.id()).getBytes(StandardCharsets.UTF_8)));
        json.put("url", api);
        json.put("repos_url", api + "/repos");
        json.put("events_url", api + "/events");
        json.put("hooks_url", api + "/hooks");
        json.put("issues_url", api + "/issues");
        json.put("members_url", api + "/members{/member}");
        json.put("public_members_url", api + "/public_members{/member}");
        json.put("avatar_url", webUrl + "/avatars/u/" + org.id() + "?v=4");
        json.put("description", null);
        json.put("name", org.login());
        json.put("html_url", webUrl + "/" + org.login());
        json.put("type", "Organization");
        json.put("created_at", "2016-05-01T10:00:00Z");
        json.put("updated_at", "2025-01-02T03:04:05Z");
        return FakeResponse.json(200, json);
    }

    /**
     * With a token, 204 or 404 as GitHub answers a caller inside the organization; without one, GitHub's 302 to the
     * public member list (every member of a fake organization is public).
     */
    private FakeResponse membership(RecordedRequest request, Matcher path) {
        if (grant(request) == null) {
            return FakeResponse.redirect(apiUrl + "/orgs/" + path.group(1) + "/public_members/" + path.group(2));
        }
        Org org = orgs.get(key(path.group(1)));
        return org != null && org.members().contains(key(path.group(2)))
                ? FakeResponse.noContent()
                : FakeResponse.error(404, "Not Found");
    }

    private FakeResponse publicMembership(RecordedRequest request, Matcher path) {
        Org org = orgs.get(key(path.group(1)));
        return org != null && org.members().contains(key(path.group(2)))
                ? FakeResponse.noContent()
                : FakeResponse.error(404, "Not Found");
    }

    /** GitHub API for Java's checkApiUrlValidity() only accepts a root that names rate_limit_url. */
    private Map<String, Object> root() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("current_user_url", apiUrl + "/user");
        json.put("emails_url", apiUrl + "/user/emails");
        json.put("organization_url", apiUrl + "/orgs/{org}");
        json.put("rate_limit_url", apiUrl + "/rate_limit");
        json.put("user_url", apiUrl + "/users/{user}");
        return json;
    }

    /** GitHub API for Java refuses a rate limit answer without core, search, graphql and integration_manifest. */
    private Map<String, Object> rateLimit() {
        Map<String, Object> resources = new LinkedHashMap<>();
        Map<String, Object> core = quota(CORE_LIMIT, coreRemaining);
        resources.put("core", core);
        resources.put("search", quota(30, 29));
        resources.put("graphql", quota(5000, 4999));
        resources.put("integration_manifest", quota(5000, 4999));
        Map<String, Object> rate = new LinkedHashMap<>(core);
        rate.put("resource", "core");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("resources", resources);
        json.put("rate", rate);
        return json;
    }

    private Map<String, Object> quota(int limit, int remaining) {
        Map<String, Object> quota = new LinkedHashMap<>();
        quota.put("limit", limit);
        quota.put("used", limit - remaining);
        quota.put("remaining", remaining);
        quota.put("reset", rateLimitReset);
        return quota;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
