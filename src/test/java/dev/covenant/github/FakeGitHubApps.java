package dev.covenant.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The GitHub App side of {@link FakeGitHub}: registered Apps with their public keys, their installations, and the
 * JWT-authenticated endpoints under {@code /app} that hand out installation tokens. The JWT is checked as GitHub does:
 * RS256 over the registered key, {@code iss} the App id, {@code iat} not in the future, {@code exp} in the future but
 * at most ten minutes ahead (a minute of clock drift is forgiven either way).
 */
final class FakeGitHubApps {

    static final String BAD_JWT = "A JSON web token could not be decoded";
    /** Every registered App answers to this slug; GitHub derives it from the App's name. */
    static final String SLUG = "covenant-test";
    static final String HOMEPAGE = "https://covenant.example";
    private static final Duration DRIFT = Duration.ofSeconds(60);
    private static final Duration MAX_JWT_LIFETIME = Duration.ofMinutes(10);
    private static final Map<String, String> PERMISSIONS = Map.of(
            "checks", "write", "pull_requests", "read", "members", "read", "metadata", "read");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record App(long id, PublicKey key) {
    }

    private record Installation(long id, long appId, String account) {
    }

    private final FakeGitHubApi api;
    private final String webUrl;
    private final String apiUrl;
    private final Map<Long, App> apps = new ConcurrentHashMap<>();
    private final Map<Long, Installation> installations = new ConcurrentHashMap<>();
    private final AtomicInteger tokensCreated = new AtomicInteger();
    private volatile long lastAppId;
    private volatile Duration tokenLifetime = Duration.ofHours(1);

    FakeGitHubApps(FakeGitHubApi api, String webUrl, String apiUrl) {
        this.api = api;
        this.webUrl = webUrl;
        this.apiUrl = apiUrl;
    }

    List<FakeRoute> routes() {
        return List.of(
                FakeRoute.get("/app", this::app),
                FakeRoute.get("/app/installations/(\\d+)", this::installation),
                FakeRoute.post("/app/installations/(\\d+)/access_tokens", this::accessToken));
    }

    static boolean isAppPath(String path) {
        return path.equals("/app") || path.startsWith("/app/");
    }

    void register(long appId, PublicKey key) {
        apps.put(appId, new App(appId, key));
        lastAppId = appId;
    }

    void addInstallation(long appId, long installationId, String account) {
        if (!apps.containsKey(appId)) {
            throw new IllegalArgumentException("no such fake GitHub App: " + appId);
        }
        installations.put(installationId, new Installation(installationId, appId, account));
    }

    long lastAppId() {
        if (apps.isEmpty()) {
            throw new IllegalStateException("register an App first");
        }
        return lastAppId;
    }

    String slug() {
        return SLUG;
    }

    /** The App an installation belongs to, or null if there is no such installation. */
    Long appIdOf(long installationId) {
        Installation installation = installations.get(installationId);
        return installation == null ? null : installation.appId();
    }

    /** The App object as {@code GET /app} returns it and check runs embed it. */
    Map<String, Object> appJson(long appId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", appId);
        json.put("slug", SLUG);
        json.put("node_id",
                Base64.getEncoder().encodeToString(("03:Integration" + appId).getBytes(StandardCharsets.UTF_8)));
        json.put("client_id", "Iv1." + String.format("%012x", appId));
        json.put("owner", api.accountJson("covenant-dev"));
        json.put("name", "Covenant " + appId);
        json.put("description", "Contributor License Agreements");
        json.put("external_url", HOMEPAGE);
        json.put("html_url", webUrl + "/apps/" + SLUG);
        json.put("created_at", "2024-01-02T03:04:05Z");
        json.put("updated_at", "2025-01-02T03:04:05Z");
        json.put("permissions", PERMISSIONS);
        json.put("events", List.of("pull_request", "merge_group", "issue_comment", "check_run"));
        return json;
    }

    /** The installation object of {@code GET /app/installations/{id}} and of installation webhooks. */
    Map<String, Object> installationJson(long installationId) {
        Installation installation = installations.get(installationId);
        if (installation == null) {
            throw new IllegalArgumentException("no such fake installation: " + installationId);
        }
        return installationJson(apps.get(installation.appId()), installation);
    }

    int tokensCreated() {
        return tokensCreated.get();
    }

    void tokenLifetime(Duration lifetime) {
        tokenLifetime = lifetime;
    }

    // ---- endpoints ----

    private FakeResponse app(RecordedRequest request, Matcher path) {
        App app = authenticate(request);
        if (app == null) {
            return jwtRefused(request);
        }
        Map<String, Object> json = appJson(app.id());
        json.put("installations_count", installations.values().stream().filter(i -> i.appId() == app.id()).count());
        return FakeResponse.json(200, json);
    }

    private FakeResponse installation(RecordedRequest request, Matcher path) {
        App app = authenticate(request);
        if (app == null) {
            return jwtRefused(request);
        }
        Installation installation = installations.get(Long.parseLong(path.group(1)));
        if (installation == null || installation.appId() != app.id()) {
            return FakeResponse.error(404, "Not Found");
        }
        return FakeResponse.json(200, installationJson(app, installation));
    }

    private FakeResponse accessToken(RecordedRequest request, Matcher path) {
        App app = authenticate(request);
        if (app == null) {
            return jwtRefused(request);
        }
        Installation installation = installations.get(Long.parseLong(path.group(1)));
        if (installation == null || installation.appId() != app.id()) {
            return FakeResponse.error(404, "Not Found");
        }
        Instant expiresAt = Instant.now().plus(tokenLifetime).truncatedTo(ChronoUnit.SECONDS);
        String token = api.mintToken(FakeGrant.installation(installation.id(), expiresAt));
        tokensCreated.incrementAndGet();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("token", token);
        json.put("expires_at", expiresAt.toString());
        json.put("permissions", PERMISSIONS);
        json.put("repository_selection", "all");
        return FakeResponse.json(201, json);
    }

    private Map<String, Object> installationJson(App app, Installation installation) {
        Map<String, Object> account = api.accountJson(installation.account());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", installation.id());
        json.put("account", account);
        json.put("access_tokens_url", apiUrl + "/app/installations/" + installation.id() + "/access_tokens");
        json.put("repositories_url", apiUrl + "/installation/repositories");
        json.put("html_url", webUrl + "/settings/installations/" + installation.id());
        json.put("app_id", app.id());
        json.put("app_slug", SLUG);
        json.put("target_id", account.get("id"));
        json.put("target_type", account.get("type"));
        json.put("permissions", PERMISSIONS);
        json.put("events", List.of("pull_request", "merge_group", "issue_comment", "check_run"));
        json.put("created_at", "2024-02-03T04:05:06Z");
        json.put("updated_at", "2025-02-03T04:05:06Z");
        json.put("single_file_name", null);
        json.put("repository_selection", "all");
        json.put("suspended_at", null);
        json.put("suspended_by", null);
        return json;
    }

    // ---- the JWT ----

    private FakeResponse jwtRefused(RecordedRequest request) {
        String problem = jwtProblem(request);
        return FakeResponse.error(401, problem == null ? BAD_JWT : problem);
    }

    /** The App the request's {@code Authorization: Bearer <jwt>} proves to be, or null. */
    private App authenticate(RecordedRequest request) {
        return jwtProblem(request) == null ? appOf(request) : null;
    }

    private App appOf(RecordedRequest request) {
        try {
            JsonNode claims = JSON.readTree(decode(jwt(request).split("\\.")[1]));
            return apps.get(Long.parseLong(claims.path("iss").asText()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** What GitHub would say about the JWT, or null when it is good. */
    private String jwtProblem(RecordedRequest request) {
        String jwt = jwt(request);
        if (jwt == null) {
            return BAD_JWT;
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return BAD_JWT;
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = JSON.readTree(decode(parts[0]));
            claims = JSON.readTree(decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return BAD_JWT;
        }
        if (!"RS256".equals(header.path("alg").asText())) {
            return BAD_JWT;
        }
        // GitHub accepts the App id as a number or as a string of digits.
        App app;
        try {
            app = apps.get(Long.parseLong(claims.path("iss").asText()));
        } catch (NumberFormatException e) {
            return "'Issuer' claim ('iss') must be an Integer";
        }
        if (app == null || !verifies(app.key(), parts)) {
            return BAD_JWT;
        }
        Instant now = Instant.now();
        if (!claims.path("iat").canConvertToLong()
                || Instant.ofEpochSecond(claims.path("iat").asLong()).isAfter(now.plus(DRIFT))) {
            return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
        }
        if (!claims.path("exp").canConvertToLong()
                || !Instant.ofEpochSecond(claims.path("exp").asLong()).isAfter(now.minus(DRIFT))) {
            return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the"
                    + " assertion expires";
        }
        if (Instant.ofEpochSecond(claims.path("exp").asLong()).isAfter(now.plus(MAX_JWT_LIFETIME).plus(DRIFT))) {
            return "'Expiration time' claim ('exp') is too far in the future";
        }
        return null;
    }

    private static String jwt(RecordedRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null) {
            return null;
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase("bearer") ? parts[1].trim() : null;
    }

    private static boolean verifies(PublicKey key, String[] parts) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] decode(String base64url) {
        return Base64.getUrlDecoder().decode(base64url);
    }
}
