package dev.covenant.github;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;

/**
 * The github.com side of the OAuth web flow: authorize, the code-for-token exchange, and who is signed in.
 *
 * <p>Codes never expire but are single-use. Without a registered callback, any absolute http(s) {@code redirect_uri}
 * is accepted at authorize and then stands in for the registered one that the exchange must repeat.
 */
final class FakeOAuthFlow {

    private static final String SESSION_COOKIE = "user_session";
    private static final String TOKEN_ERRORS = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/";
    private static final String AUTHORIZE_ERRORS = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FakeGitHubApi directory;
    private final Map<String, FakeGrant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final AtomicBoolean denyNext = new AtomicBoolean();
    private volatile String signedIn;

    FakeOAuthFlow(FakeGitHubApi directory) {
        this.directory = directory;
    }

    List<FakeRoute> routes() {
        return List.of(
                FakeRoute.get("/login/oauth/authorize", this::authorize),
                FakeRoute.post("/login/oauth/access_token", this::accessToken),
                FakeRoute.get("/_fake/sign-in", this::startSession));
    }

    void signInAs(String login) {
        signedIn = login;
    }

    void denyNext(boolean deny) {
        denyNext.set(deny);
    }

    private FakeResponse authorize(RecordedRequest request, Matcher path) {
        Map<String, String> query = request.queryParams();
        if (!FakeGitHub.CLIENT_ID.equals(query.get("client_id"))) {
            return FakeResponse.html(404, "Not Found: no OAuth app has client_id " + query.get("client_id"));
        }
        String redirectUri = query.get("redirect_uri");
        if (redirectUri == null || !redirectUri.matches("(?i)https?://.+")) {
            return FakeResponse.html(400, "The fake GitHub has no registered callback, so redirect_uri must be an "
                    + "absolute http(s) URL, got: " + redirectUri);
        }
        Map<String, String> answer = new LinkedHashMap<>();
        // Refusal is checked before sign-in so tests of the refusal path need no account.
        if (denyNext.getAndSet(false)) {
            answer.put("error", "access_denied");
            answer.put("error_description", "The user has denied your application access.");
            answer.put("error_uri", AUTHORIZE_ERRORS + "#access-denied");
        } else {
            String login = signedInUser(request);
            if (login == null) {
                return FakeResponse.html(403, "Nobody is signed in to the fake GitHub: call FakeGitHub.signInAs(login)"
                        + " or open FakeGitHub.signInUrl(login) first.");
            }
            String code = randomHex(20);
            codes.put(code, new FakeGrant(login, redirectUri, scopes(query.get("scope"))));
            answer.put("code", code);
        }
        if (query.containsKey("state")) {
            answer.put("state", query.get("state"));
        }
        return FakeResponse.redirect(appendQuery(redirectUri, FakeResponse.encodeForm(answer)));
    }

    private FakeResponse accessToken(RecordedRequest request, Matcher path) {
        Map<String, String> params = request.queryParams();
        params.putAll(request.formParams());
        String[] basic = basicCredentials(request);
        String clientId = basic != null ? basic[0] : params.get("client_id");
        String clientSecret = basic != null ? basic[1] : params.get("client_secret");
        String accept = String.join(",", request.headers().getOrDefault("Accept", List.of()));
        boolean json = accept.toLowerCase(Locale.ROOT).contains("application/json");
        if (!FakeGitHub.CLIENT_ID.equals(clientId) || !FakeGitHub.CLIENT_SECRET.equals(clientSecret)) {
            return tokenError(json, "incorrect_client_credentials",
                    "The client_id and/or client_secret passed are incorrect.", "#incorrect-client-credentials");
        }
        String code = params.get("code");
        // Removing is what makes a code single-use, also under concurrent exchanges.
        FakeGrant grant = code == null ? null : codes.remove(code);
        if (grant == null) {
            return tokenError(json, "bad_verification_code", "The code passed is incorrect or expired.",
                    "#bad-verification-code");
        }
        String redirectUri = params.get("redirect_uri");
        if (redirectUri != null && !redirectUri.equals(grant.redirectUri())) {
            return tokenError(json, "redirect_uri_mismatch",
                    "The redirect_uri MUST match the registered callback URL for this application.",
                    "#redirect-uri-mismatch2");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("access_token", directory.mintToken(grant));
        body.put("token_type", "bearer");
        body.put("scope", String.join(",", grant.scopes()));
        return json ? FakeResponse.json(200, body) : FakeResponse.form(body);
    }

    /** GitHub reports a failed exchange with status 200 and the error in the body. */
    private static FakeResponse tokenError(boolean json, String error, String description, String anchor) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        body.put("error_uri", TOKEN_ERRORS + anchor);
        return json ? FakeResponse.json(200, body) : FakeResponse.form(body);
    }

    private FakeResponse startSession(RecordedRequest request, Matcher path) {
        FakeGitHubUser user = directory.user(request.queryParams().get("login"));
        if (user == null) {
            return FakeResponse.html(404, "Not Found: no such user");
        }
        String session = randomHex(24);
        sessions.put(session, user.login());
        return FakeResponse.html(200, "Signed in to the fake GitHub as " + user.login() + ".")
                .withHeader("Set-Cookie", SESSION_COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax");
    }

    /** A browser's own session wins over the fake-wide {@link #signInAs}. */
    private String signedInUser(RecordedRequest request) {
        for (String header : request.headers().getOrDefault("Cookie", List.of())) {
            for (String cookie : header.split(";")) {
                String[] pair = cookie.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equals(SESSION_COOKIE) && sessions.containsKey(pair[1])) {
                    return sessions.get(pair[1]);
                }
            }
        }
        return signedIn;
    }

    /** Client credentials from HTTP Basic, which RFC 6749 has form-encoded before base64; null without Basic. */
    private static String[] basicCredentials(RecordedRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new String[] {null, null};
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new String[] {null, null};
        }
        return new String[] {formDecoded(decoded.substring(0, colon)), formDecoded(decoded.substring(colon + 1))};
    }

    /** Clients that skip the form-encoding step still work while the credentials hold no '%' or '+'. */
    private static String formDecoded(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** GitHub accepts space- or comma-separated scopes at authorize and reports them comma-separated. */
    private static List<String> scopes(String requested) {
        if (requested == null || requested.isBlank()) {
            return List.of();
        }
        return Arrays.stream(requested.trim().split("[\\s,]+")).distinct().toList();
    }

    /** Adds parameters to a URL that may already carry a query, keeping any fragment last. */
    private static String appendQuery(String url, String params) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String separator = !base.contains("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + separator + params + fragment;
    }

    private static String randomHex(int length) {
        StringBuilder hex = new StringBuilder(length);
        while (hex.length() < length) {
            hex.append(Integer.toHexString(RANDOM.nextInt(16)));
        }
        return hex.toString();
    }
}
