package dev.covenant.github;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.github.GitHub;

import dev.covenant.inbox.WebhookConfig;

class GitHubAppTest {

    private static final long APP_ID = 424242;
    private static final long INSTALLATION = 7_000_001;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeGitHub fake;
    private static KeyPair keys;

    @BeforeAll
    static void startFake() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        fake = FakeGitHub.start()
                .addUser(583231, "octocat", "The Octocat", List.of(FakeEmail.primaryVerified("octocat@github.com")))
                .registerApp(APP_ID, keys.getPublic())
                .addInstallation(INSTALLATION, "covenant-dev");
        fake.addOrgMember("covenant-dev", "octocat");
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
    }

    @Test
    void mintsOneInstallationTokenAndReusesItForEveryCall() throws Exception {
        GitHubApp app = new GitHubApp(fake.apiUrl(), String.valueOf(APP_ID), pkcs1Pem(keys.getPrivate()));
        int before = fake.installationTokensCreated();

        GitHub first = app.forInstallation(INSTALLATION);
        assertTrue(first.getOrganization("covenant-dev").hasMember(first.getUser("octocat")));
        GitHub second = app.forInstallation(INSTALLATION);
        second.getUser("octocat");

        assertSame(first, second);
        assertEquals(before + 1, fake.installationTokensCreated());
        List<RecordedRequest> requests = fake.requests();
        assertEquals(List.of("GET /api/v3/app", "GET /api/v3/app/installations/" + INSTALLATION,
                "POST /api/v3/app/installations/" + INSTALLATION + "/access_tokens"),
                requests.subList(0, 3).stream().map(r -> r.method() + " " + r.path()).toList());
        requests.subList(0, 3).forEach(r -> assertTrue(r.header("Authorization").startsWith("Bearer "), r.path()));
        List<RecordedRequest> api = requests.subList(3, requests.size());
        assertThat(api.stream().map(RecordedRequest::path).toList(),
                hasItem("/api/v3/orgs/covenant-dev/members/octocat"));
        String token = api.get(0).header("Authorization");
        assertTrue(token.matches("token ghs_[0-9A-Za-z]{36}"), token);
        assertEquals(List.of(token), api.stream().map(r -> r.header("Authorization")).distinct().toList(),
                "one installation token for every API call");
    }

    @Test
    void aTokenWithinFiveMinutesOfExpiryIsReplaced() {
        fake.setInstallationTokenLifetime(Duration.ofMinutes(1));
        GitHubApp app = new GitHubApp(fake.apiUrl(), String.valueOf(APP_ID), pkcs1Pem(keys.getPrivate()));
        int before = fake.installationTokensCreated();

        app.forInstallation(INSTALLATION);
        app.forInstallation(INSTALLATION);

        assertEquals(before + 2, fake.installationTokensCreated());
    }

    @Test
    void readsAPkcs8KeyAndAKeyWithEscapedLineBreaks() throws Exception {
        String pkcs8 = pem("PRIVATE KEY", keys.getPrivate().getEncoded());
        int before = fake.installationTokensCreated();
        new GitHubApp(fake.apiUrl(), String.valueOf(APP_ID), pkcs8).forInstallation(INSTALLATION);
        assertEquals(before + 1, fake.installationTokensCreated());
        String oneLine = pkcs1Pem(keys.getPrivate()).replace("\n", "\\n");
        assertTrue(new GitHubApp(fake.apiUrl(), String.valueOf(APP_ID), oneLine).configured());
        assertEquals(GitHubApp.loadPrivateKey(pkcs8), GitHubApp.loadPrivateKey(pkcs1Pem(keys.getPrivate())));
    }

    @Test
    void readsTheKeyFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("covenant.2025-01-01.private-key.pem");
        Files.writeString(file, pkcs1Pem(keys.getPrivate()), StandardCharsets.US_ASCII);
        int before = fake.installationTokensCreated();

        new GitHubApp(fake.apiUrl(), String.valueOf(APP_ID), file.toString()).forInstallation(INSTALLATION);

        assertEquals(before + 1, fake.installationTokensCreated());
    }

    @Test
    void anUnreadableKeyIsAClearError(@TempDir Path dir) throws Exception {
        String corrupt = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END RSA PRIVATE KEY-----\n";
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        String ecKey = pem("PRIVATE KEY", ec.generateKeyPair().getPrivate().getEncoded());
        String publicKey = pem("PUBLIC KEY", keys.getPublic().getEncoded());

        for (String bad : List.of(corrupt, ecKey, publicKey, dir.resolve("missing.pem").toString())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new GitHubApp(fake.apiUrl(), String.valueOf(APP_ID), bad));
            assertTrue(e.getMessage().startsWith("COVENANT_GITHUB_APP_PRIVATE_KEY "), e.getMessage());
        }
    }

    @Test
    void withoutIdOrKeyTheAppIsNotConfigured() {
        GitHubApp noKey = new GitHubApp(fake.apiUrl(), String.valueOf(APP_ID), null);
        GitHubApp noId = new GitHubApp(fake.apiUrl(), " ", pkcs1Pem(keys.getPrivate()));

        assertFalse(noKey.configured());
        assertFalse(noId.configured());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> noId.forInstallation(INSTALLATION));
        assertTrue(e.getMessage().contains("COVENANT_GITHUB_APP_ID"), e.getMessage());
        assertEquals(List.of(), fake.requests());
    }

    @Test
    void aWrongAppIdOrKeyIsRefusedWith401() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String otherKey = pkcs1Pem(generator.generateKeyPair().getPrivate());

        for (GitHubApp app : List.of(new GitHubApp(fake.apiUrl(), "99", pkcs1Pem(keys.getPrivate())),
                new GitHubApp(fake.apiUrl(), String.valueOf(APP_ID), otherKey))) {
            GitHubAppException e = assertThrows(GitHubAppException.class, () -> app.forInstallation(INSTALLATION));
            assertEquals(401, e.status());
            assertTrue(e.getMessage().contains("answered 401"), e.getMessage());
            assertTrue(e.getMessage().contains(FakeGitHubApps.BAD_JWT), e.getMessage());
        }
    }

    @Test
    void anUnknownInstallationIs404AndIsAskedForAgainNextTime() {
        GitHubApp app = new GitHubApp(fake.apiUrl(), String.valueOf(APP_ID), pkcs1Pem(keys.getPrivate()));

        GitHubAppException e = assertThrows(GitHubAppException.class, () -> app.forInstallation(31337));

        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("installation 31337"), e.getMessage());
        fake.addInstallation(31337, "octocat");
        app.forInstallation(31337);
    }

    @Test
    void aDownGitHubIsReportedAsUnavailable() {
        GitHubApp app = new GitHubApp(fake.apiUrl(), String.valueOf(APP_ID), pkcs1Pem(keys.getPrivate()));
        fake.setDown(true);

        GitHubAppException e = assertThrows(GitHubAppException.class, () -> app.forInstallation(INSTALLATION));

        assertEquals(503, e.status());
    }

    @Test
    void theFakeChecksTheJwtAsGitHubDoes() throws Exception {
        long now = Instant.now().getEpochSecond();
        String good = jwt(Map.of("iss", String.valueOf(APP_ID), "iat", now - 60, "exp", now + 540));
        String tooLong = jwt(Map.of("iss", APP_ID, "iat", now - 60, "exp", now + 3600));
        String expired = jwt(Map.of("iss", APP_ID, "iat", now - 900, "exp", now - 300));

        assertEquals(200, get("/app", "Bearer " + good).statusCode());
        assertEquals(401, get("/app", "Bearer " + tooLong).statusCode());
        assertThat(get("/app", "Bearer " + tooLong).body(),
                containsString("'Expiration time' claim ('exp') is too far in the future"));
        assertEquals(401, get("/app", "Bearer " + expired).statusCode());
        HttpResponse<String> garbage = get("/app/installations/" + INSTALLATION, "Bearer not.a.jwt");
        assertEquals(401, garbage.statusCode());
        assertEquals(FakeGitHubApps.BAD_JWT, JSON.readTree(garbage.body()).get("message").asText());

        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(fake.apiUrl() + "/app/installations/" + INSTALLATION + "/access_tokens"))
                .header("Authorization", "Bearer " + good).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode());
        JsonNode token = JSON.readTree(created.body());
        assertEquals("all", token.get("repository_selection").asText());
        Duration lifetime = Duration.between(Instant.now(), Instant.parse(token.get("expires_at").asText()));
        assertTrue(lifetime.compareTo(Duration.ofMinutes(59)) > 0 && lifetime.compareTo(Duration.ofMinutes(61)) < 0,
                "an hour, give or take a minute: " + lifetime);
        // An installation token is good for the API but is not a user.
        assertEquals(403, get("/user", "token " + token.get("token").asText()).statusCode());
        assertEquals(401, get("/app", "token " + token.get("token").asText()).statusCode());
    }

    @Test
    void theEnvironmentVariablesReachTheMapping() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.of("COVENANT_GITHUB_APP_ID", "123",
                        "COVENANT_GITHUB_APP_PRIVATE_KEY", "/run/secrets/app.pem"), 300))
                .withMapping(GitHubAppConfig.class).withMapping(GitHubConfig.class).withMapping(WebhookConfig.class)
                .build();

        GitHubAppConfig app = config.getConfigMapping(GitHubAppConfig.class);
        assertEquals("123", app.appId().orElseThrow());
        assertEquals("/run/secrets/app.pem", app.appPrivateKey().orElseThrow());
    }

    // ---- helpers ----

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fake.apiUrl() + path))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String jwt(Map<String, Object> claims) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signed = url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(JSON.writeValueAsBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + url.encodeToString(rsa.sign());
    }

    /** The key as GitHub hands it out: PKCS#1 "RSA PRIVATE KEY", the OCTET STRING inside the JDK's PKCS#8. */
    private static String pkcs1Pem(PrivateKey key) {
        byte[] pkcs8 = key.getEncoded();
        int at = 1 + lengthOfLength(pkcs8, 1); // inside the outer SEQUENCE
        at += 3; // version INTEGER 0
        at += 2 + (pkcs8[at + 1] & 0xff); // AlgorithmIdentifier SEQUENCE
        if (pkcs8[at] != 0x04) {
            throw new IllegalStateException("unexpected PKCS#8 layout");
        }
        int octets = at + 1 + lengthOfLength(pkcs8, at + 1);
        return pem("RSA PRIVATE KEY", Arrays.copyOfRange(pkcs8, octets, pkcs8.length));
    }

    /** How many bytes the DER length at {@code at} takes. */
    private static int lengthOfLength(byte[] der, int at) {
        int first = der[at] & 0xff;
        return first < 0x80 ? 1 : 1 + (first & 0x7f);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
