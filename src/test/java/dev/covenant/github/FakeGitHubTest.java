package dev.covenant.github;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHEmail;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHMyself;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

class FakeGitHubTest {

    private static final String CALLBACK = "http://localhost:8080/auth/callback";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeGitHub fake;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startFake() {
        fake = FakeGitHub.start()
                .addUser(583231, "octocat", "The Octocat", List.of(
                        new FakeEmail("octocat@github.com", true, true),
                        new FakeEmail("old-octocat@example.org", false, false)))
                .addUser(1001, "Hubot", null, List.of(FakeEmail.primaryVerified("hubot@example.org")))
                .keepEmailPrivate("hubot");
        fake.addOrgMember("covenant-dev", "octocat");
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
        fake.signInAs("octocat");
    }

    @Test
    void authorizeRedirectsToTheCallbackWithAOneTimeCodeAndTheState() throws Exception {
        HttpResponse<String> response = authorize(CALLBACK + "?next=%2Fsign", "st&te=1 ?", "read:user user:email");

        assertEquals(302, response.statusCode());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(CALLBACK + "?next=%2Fsign&code="), location);
        Map<String, String> params = RecordedRequest.decodeForm(URI.create(location).getRawQuery());
        assertEquals("st&te=1 ?", params.get("state"));
        assertTrue(params.get("code").matches("[0-9a-f]{20}"), params.get("code"));
    }

    @Test
    void exchangesTheCodeForATokenInJsonWhenAskedForJson() throws Exception {
        String code = codeFrom(authorize(CALLBACK, "s1", "read:user user:email"));

        HttpResponse<String> response = exchange(code, "application/json", null);

        assertEquals(200, response.statusCode());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = JSON.readTree(response.body());
        assertTrue(body.get("access_token").asText().matches("gho_[0-9A-Za-z]{36}"), response.body());
        assertEquals("bearer", body.get("token_type").asText());
        assertEquals("read:user,user:email", body.get("scope").asText());
    }

    @Test
    void exchangesTheCodeForAFormEncodedTokenByDefaultAndAcceptsBasicClientCredentials() throws Exception {
        String code = codeFrom(authorize(CALLBACK, "s2", "user:email"));
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (FakeGitHub.CLIENT_ID + ":" + FakeGitHub.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = post("/login/oauth/access_token", form(Map.of("code", code)),
                "Authorization", basic);

        assertEquals(200, response.statusCode());
        assertThat(response.headers().firstValue("Content-Type").orElseThrow(),
                startsWith("application/x-www-form-urlencoded"));
        Map<String, String> body = RecordedRequest.decodeForm(response.body());
        assertTrue(body.get("access_token").startsWith("gho_"), response.body());
        assertEquals("bearer", body.get("token_type"));
        assertEquals("user:email", body.get("scope"));
    }

    @Test
    void aCodeWorksOnlyOnce() throws Exception {
        String code = codeFrom(authorize(CALLBACK, "s3", "user:email"));
        assertNotNull(JSON.readTree(exchange(code, "application/json", null).body()).get("access_token"));

        HttpResponse<String> again = exchange(code, "application/json", null);

        assertEquals(200, again.statusCode());
        JsonNode body = JSON.readTree(again.body());
        assertEquals("bad_verification_code", body.get("error").asText());
        assertEquals("The code passed is incorrect or expired.", body.get("error_description").asText());
        assertEquals("https://docs.github.com/apps/managing-oauth-apps/"
                + "troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code",
                body.get("error_uri").asText());
        assertEquals("bad_verification_code",
                RecordedRequest.decodeForm(exchange("0123456789abcdef0123", "*/*", null).body()).get("error"));
    }

    @Test
    void wrongClientCredentialsAreRefusedWithoutBurningTheCode() throws Exception {
        String code = codeFrom(authorize(CALLBACK, "s4", "user:email"));

        HttpResponse<String> response = exchange(code, "application/json", "not-the-secret");

        assertEquals(200, response.statusCode());
        assertEquals("incorrect_client_credentials", JSON.readTree(response.body()).get("error").asText());
        assertNotNull(JSON.readTree(exchange(code, "application/json", null).body()).get("access_token"));
    }

    @Test
    void theTokenExchangeMustRepeatTheRedirectUriOfTheAuthorization() throws Exception {
        String code = codeFrom(authorize(CALLBACK, "s5", "user:email"));

        HttpResponse<String> response = post("/login/oauth/access_token", form(Map.of(
                "client_id", FakeGitHub.CLIENT_ID, "client_secret", FakeGitHub.CLIENT_SECRET, "code", code,
                "redirect_uri", "http://localhost:8080/elsewhere")), "Accept", "application/json");

        assertEquals("redirect_uri_mismatch", JSON.readTree(response.body()).get("error").asText());
    }

    @Test
    void aDeniedAuthorizationRedirectsWithAccessDeniedOnce() throws Exception {
        fake.signInAs(null);
        fake.denyNextAuthorization();

        HttpResponse<String> denied = authorize(CALLBACK, "s6", "user:email");

        assertEquals(302, denied.statusCode());
        String location = denied.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(CALLBACK + "?error=access_denied&error_description="
                + "The+user+has+denied+your+application+access.&error_uri="), location);
        Map<String, String> params = RecordedRequest.decodeForm(URI.create(location).getRawQuery());
        assertEquals("s6", params.get("state"));
        assertFalse(params.containsKey("code"), params::toString);

        fake.signInAs("octocat");
        assertNotNull(codeFrom(authorize(CALLBACK, "s7", "user:email")));
    }

    @Test
    void authorizeRefusesUnknownAppsAndAnonymousVisitors() throws Exception {
        HttpResponse<String> unknownApp = get("/login/oauth/authorize?client_id=Iv1.nobody&redirect_uri="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8));
        assertEquals(404, unknownApp.statusCode());

        fake.signInAs(null);
        HttpResponse<String> anonymous = authorize(CALLBACK, "s8", "user:email");
        assertEquals(403, anonymous.statusCode());
        assertTrue(anonymous.body().contains("Nobody is signed in"), anonymous.body());
    }

    @Test
    void aSessionCookieLetsConcurrentBrowsersSignInAsDifferentUsers() throws Exception {
        fake.signInAs(null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> logins = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String login = i % 2 == 0 ? "octocat" : "hubot";
                logins.add(pool.submit(signInAndFetchLogin(login)));
            }
            for (int i = 0; i < logins.size(); i++) {
                assertEquals(i % 2 == 0 ? "octocat" : "Hubot", logins.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @SuppressWarnings("deprecation") // getEmails2() is what the brief names; listEmails() is its successor
    void gitHubApiForJavaReadsTheAuthenticatedUserAndTheirEmails() throws Exception {
        GitHub github = library(tokenThroughTheWebFlow());

        GHMyself myself = github.getMyself();

        assertEquals(583231, myself.getId());
        assertEquals("octocat", myself.getLogin());
        assertEquals("The Octocat", myself.getName());
        assertEquals("octocat@github.com", myself.getEmail());
        List<GHEmail> emails = myself.getEmails2();
        assertEquals(2, emails.size());
        assertEquals("octocat@github.com", emails.get(0).getEmail());
        assertTrue(emails.get(0).isPrimary());
        assertTrue(emails.get(0).isVerified());
        assertEquals("old-octocat@example.org", emails.get(1).getEmail());
        assertFalse(emails.get(1).isPrimary());
        assertFalse(emails.get(1).isVerified());
        List<GHEmail> paged = myself.listEmails().withPageSize(100).toList();
        assertEquals(2, paged.size());
        assertTrue(paged.get(0).isVerified());

        RecordedRequest userCall = fake.requests().stream()
                .filter(r -> r.path().equals("/api/v3/user")).findFirst().orElseThrow();
        assertTrue(userCall.header("Authorization").matches("(?i)(token|bearer) gho_.+"),
                userCall.header("Authorization"));
    }

    @Test
    void gitHubApiForJavaAcceptsTheApiRootAndTheRateLimit() throws Exception {
        GitHub github = library(fake.issueToken("octocat"));

        github.checkApiUrlValidity();

        assertEquals(4999, github.getRateLimit().getCore().getRemaining());
        assertTrue(github.isCredentialValid());
    }

    @Test
    void emailsNeedTheUserEmailScope() throws Exception {
        String code = codeFrom(authorize(CALLBACK, "s10", "read:user"));
        String token = JSON.readTree(exchange(code, "application/json", null).body()).get("access_token").asText();

        HttpResponse<String> profile = getWithToken("/api/v3/user", token);
        HttpResponse<String> emails = getWithToken("/api/v3/user/emails", token);

        assertEquals(200, profile.statusCode());
        assertEquals("read:user", profile.headers().firstValue("X-OAuth-Scopes").orElseThrow());
        assertEquals(404, emails.statusCode());
    }

    @Test
    void gitHubApiForJavaReadsAnyUserByLogin() throws Exception {
        GitHub github = library(fake.issueToken("octocat"));

        GHUser hubot = github.getUser("hubot");

        assertEquals(1001, hubot.getId());
        assertEquals("Hubot", hubot.getLogin());
        assertNull(hubot.getName());
        assertNull(hubot.getEmail(), "hubot keeps the email private");
        assertEquals(fake.webUrl() + "/Hubot", hubot.getHtmlUrl().toString());
        assertThrows(GHFileNotFoundException.class, () -> github.getUser("nobody-here"));
    }

    @Test
    void gitHubApiForJavaSeesOrganizationMembership() throws Exception {
        GitHub github = library(fake.issueToken("octocat"));

        var org = github.getOrganization("covenant-dev");

        assertTrue(org.hasMember(github.getUser("octocat")));
        assertFalse(org.hasMember(github.getUser("hubot")));
    }

    @Test
    void gitHubApiForJavaReportsABadTokenAs401() throws Exception {
        GitHub github = library("gho_" + "x".repeat(36));

        HttpException e = assertThrows(HttpException.class, github::getMyself);

        assertEquals(401, e.getResponseCode());
        assertTrue(e.getMessage().contains("Bad credentials"), e.getMessage());
    }

    @Test
    void apiResponsesCarryGitHubHeadersAndUnknownPathsAre404() throws Exception {
        HttpResponse<String> user = get("/api/v3/users/octocat");
        assertEquals(200, user.statusCode());
        assertEquals("application/json; charset=utf-8", user.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("github.v3; format=json", user.headers().firstValue("X-GitHub-Media-Type").orElseThrow());
        assertEquals("5000", user.headers().firstValue("X-RateLimit-Limit").orElseThrow());
        assertEquals("4999", user.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertEquals("1", user.headers().firstValue("X-RateLimit-Used").orElseThrow());
        assertEquals("core", user.headers().firstValue("X-RateLimit-Resource").orElseThrow());
        assertThat(user.headers().firstValue("X-RateLimit-Reset").orElseThrow(), matchesPattern("\\d{10}"));
        assertThat(user.headers().firstValue("X-GitHub-Request-Id").orElse(null), not(emptyOrNullString()));
        JsonNode json = JSON.readTree(user.body());
        assertEquals(fake.apiUrl() + "/users/octocat", json.get("url").asText());
        assertEquals("User", json.get("type").asText());
        assertEquals("MDQ6VXNlcjU4MzIzMQ==", json.get("node_id").asText());

        HttpResponse<String> missing = get("/api/v3/repos/octocat/hello");
        assertEquals(404, missing.statusCode());
        assertEquals("Not Found", JSON.readTree(missing.body()).get("message").asText());
        assertEquals("https://docs.github.com/rest", JSON.readTree(missing.body()).get("documentation_url").asText());

        HttpResponse<String> anonymous = get("/api/v3/user");
        assertEquals(401, anonymous.statusCode());
    }

    @Test
    void whileDownEveryEndpointAnswers503() throws Exception {
        fake.setDown(true);

        HttpResponse<String> api = get("/api/v3/users/octocat");
        assertEquals(503, api.statusCode());
        assertEquals("Service Unavailable", JSON.readTree(api.body()).get("message").asText());
        assertEquals(503, authorize(CALLBACK, "s9", "user:email").statusCode());
        assertEquals(503, exchange("0123456789abcdef0123", "application/json", null).statusCode());
        HttpException e = assertThrows(HttpException.class, () -> library(fake.issueToken("octocat")).getMyself());
        assertEquals(503, e.getResponseCode());

        fake.setDown(false);
        assertEquals(200, get("/api/v3/users/octocat").statusCode());
    }

    @Test
    void recordsEveryRequest() throws Exception {
        post("/login/oauth/access_token", "code=abc&client_id=x", "Accept", "application/json");

        List<RecordedRequest> requests = fake.requests();
        assertEquals(1, requests.size());
        RecordedRequest request = requests.get(0);
        assertEquals("POST", request.method());
        assertEquals("/login/oauth/access_token", request.path());
        assertNull(request.query());
        assertEquals("application/json", request.header("accept"));
        assertEquals("abc", request.formParams().get("code"));
    }

    private Callable<String> signInAndFetchLogin(String login) {
        return () -> {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            browser.send(HttpRequest.newBuilder(URI.create(fake.signInUrl(login))).build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> redirect = browser.send(HttpRequest.newBuilder(authorizeUri(CALLBACK, login, ""))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String token = JSON.readTree(exchange(codeFrom(redirect), "application/json", null).body())
                    .get("access_token").asText();
            HttpResponse<String> user = browser.send(HttpRequest.newBuilder(URI.create(fake.apiUrl() + "/user"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(user.body()).get("login").asText();
        };
    }

    private String tokenThroughTheWebFlow() throws Exception {
        String code = codeFrom(authorize(CALLBACK, "flow", "read:user user:email"));
        return JSON.readTree(exchange(code, "application/json", null).body()).get("access_token").asText();
    }

    private static GitHub library(String token) throws IOException {
        return new GitHubBuilder().withEndpoint(fake.apiUrl()).withOAuthToken(token).build();
    }

    private static URI authorizeUri(String redirectUri, String state, String scope) {
        return URI.create(fake.webUrl() + "/login/oauth/authorize?" + form(Map.of(
                "client_id", FakeGitHub.CLIENT_ID, "redirect_uri", redirectUri, "state", state, "scope", scope)));
    }

    private HttpResponse<String> authorize(String redirectUri, String state, String scope) throws Exception {
        return http.send(HttpRequest.newBuilder(authorizeUri(redirectUri, state, scope)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String codeFrom(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: " + redirect.statusCode() + " " + redirect.body()));
        return RecordedRequest.decodeForm(URI.create(location).getRawQuery()).get("code");
    }

    private HttpResponse<String> exchange(String code, String accept, String secret) throws Exception {
        return post("/login/oauth/access_token", form(Map.of(
                "client_id", FakeGitHub.CLIENT_ID,
                "client_secret", secret == null ? FakeGitHub.CLIENT_SECRET : secret,
                "code", code,
                "redirect_uri", CALLBACK)), "Accept", accept);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fake.webUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getWithToken(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fake.webUrl() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String formBody, String header, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fake.webUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(formBody)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return FakeResponse.encodeForm(fields);
    }
}
