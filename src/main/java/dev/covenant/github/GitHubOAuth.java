package dev.covenant.github;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;
import org.kohsuke.github.GHEmail;
import org.kohsuke.github.GHMyself;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;

/**
 * The GitHub side of sign-in: the authorization URL, the code-for-token exchange, and who the token belongs to
 * (with their verified e-mail addresses), read through GitHub API for Java.
 */
@ApplicationScoped
public class GitHubOAuth {

    private static final Logger LOG = Logger.getLogger(GitHubOAuth.class);

    /** Read the profile and the e-mail addresses; nothing else. */
    static final String SCOPE = "read:user user:email";

    private final GitHubConfig config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    GitHubOAuth(GitHubConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(config.timeoutSeconds())).build();
    }

    public boolean configured() {
        return config.clientId().isPresent() && config.clientSecret().isPresent();
    }

    public String authorizeUrl(String state, String redirectUri) {
        return config.webUrl() + "/login/oauth/authorize?" + form(Map.of(
                "client_id", clientId(), "redirect_uri", redirectUri, "state", state, "scope", SCOPE,
                "allow_signup", "true"));
    }

    /** Exchanges the one-time code for an access token. */
    public String exchange(String code, String redirectUri) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.webUrl() + "/login/oauth/access_token"))
                .timeout(Duration.ofSeconds(config.timeoutSeconds()))
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("client_id", clientId(),
                        "client_secret", config.clientSecret().orElseThrow(), "code", code, "redirect_uri",
                        redirectUri))))
                .build();
        try {
            HttpResponse<String> response = send(request);
            if (response.statusCode() != 200) {
                throw new GitHubUnavailableException(
                        "GitHub answered " + response.statusCode() + " to the token exchange");
            }
            JsonNode body = json.readTree(response.body());
            if (body.hasNonNull("error")) {
                // GitHub answers 200 with an error for a wrong, expired or reused code.
                throw new SignInRefusedException(body.path("error").asText(), body.path("error_description").asText());
            }
            String token = body.path("access_token").asText("");
            if (token.isEmpty()) {
                throw new GitHubUnavailableException("GitHub's token answer had no access token");
            }
            return token;
        } catch (IOException e) {
            throw new GitHubUnavailableException("GitHub could not be reached for the token exchange: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubUnavailableException("Interrupted while waiting for GitHub", e);
        }
    }

    /**
     * Sends the exchange, and once more when it failed before any answer came: a kept-alive connection that the other
     * end closed meanwhile fails a POST at once, and Java's client retries only idempotent methods by itself, so a
     * person signing in after a quiet spell was shown an error. Should GitHub have read the first one after all, its
     * code is spent and the second answer is {@code bad_verification_code}: the person is asked to sign in again, as
     * they were without the retry. A timeout is not tried again: GitHub is slow, not gone, and the person waits.
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            LOG.debugf("The token exchange failed before GitHub answered (%s); sending it again", e.toString());
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The account the token belongs to, with every e-mail address GitHub reports and whether it is verified. */
    public GitHubAccount account(String accessToken) {
        try {
            GitHub github = new GitHubBuilder().withEndpoint(config.apiUrl()).withOAuthToken(accessToken).build();
            GHMyself me = github.getMyself();
            List<GitHubAccount.Email> emails = me.getEmails2().stream()
                    .map((GHEmail e) -> new GitHubAccount.Email(e.getEmail(), e.isVerified(), e.isPrimary())).toList();
            return new GitHubAccount(me.getId(), me.getLogin(), me.getName(), emails);
        } catch (IOException e) {
            throw new GitHubUnavailableException("GitHub did not tell who signed in: " + e.getMessage(), e);
        }
    }

    private String clientId() {
        return config.clientId().orElseThrow(() -> new IllegalStateException("COVENANT_GITHUB_CLIENT_ID is not set"));
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
