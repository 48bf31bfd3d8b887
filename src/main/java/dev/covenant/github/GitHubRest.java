package dev.covenant.github;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Calls GitHub's REST API as an installation of the App, with the installation token GitHub API for Java mints and
 * caches ({@link GitHubApp#authorization}). The pull-request checks go through this rather than the library's
 * object model because they must see GitHub's rate-limit headers when a call is refused (the library's exceptions
 * drop them), must not spend a call fetching a repository or pull request before acting on it, and need a timeout
 * on every request.
 *
 * <p>Faults that may pass — no answer, a 5xx, 429, a rate limit, a token GitHub no longer accepts — are thrown as
 * {@link GitHubUnavailableException}, not before the moment GitHub named; any other 4xx as {@link
 * GitHubRequestException}.
 */
@ApplicationScoped
public class GitHubRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    private final GitHubApp app;
    private final String apiUrl;
    private final Duration timeout;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final HttpClient http;

    GitHubRest(GitHubApp app, GitHubConfig config, Clock clock, MeterRegistry metrics) {
        this.app = app;
        this.apiUrl = config.apiUrl().replaceAll("/+$", "");
        this.timeout = Duration.ofSeconds(config.timeoutSeconds());
        this.clock = clock;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** {@code path} is relative to the API base and already encoded, e.g. {@code /repos/o/r/pulls/1}. */
    public JsonNode get(long installationId, String path) {
        return send(installationId, "GET", apiUrl + path, null).body();
    }

    public JsonNode post(long installationId, String path, Object body) {
        return send(installationId, "POST", apiUrl + path, body).body();
    }

    public JsonNode patch(long installationId, String path, Object body) {
        return send(installationId, "PATCH", apiUrl + path, body).body();
    }

    /**
     * Every item of a paginated list, following GitHub's {@code Link: rel="next"}, up to {@code limit} items.
     * {@code field} names the array in an object answer ({@code "commits"} of a comparison), or is null for a
     * top-level array.
     */
    public List<JsonNode> list(long installationId, String pathWithQuery, String field, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String url = apiUrl + pathWithQuery;
        while (url != null && items.size() < limit) {
            Answer answer = send(installationId, "GET", url, null);
            JsonNode array = field == null ? answer.body() : answer.body().path(field);
            for (JsonNode item : array) {
                if (items.size() == limit) {
                    break;
                }
                items.add(item);
            }
            url = next(answer.headers());
        }
        return items;
    }

    private record Answer(JsonNode body, HttpHeaders headers) {
    }

    private Answer send(long installationId, String method, String url, Object body) {
        String authorization;
        try {
            authorization = app.authorization(installationId);
        } catch (GitHubAppException e) {
            if (e.status() == 0 || e.status() >= 500 || e.status() == 429) {
                throw new GitHubUnavailableException(e.getMessage(), e);
            }
            throw new GitHubRequestException(e.status(), e.getMessage(), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "Covenant");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofByteArray(json(body)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            count(method, "none");
            throw new GitHubUnavailableException(
                    "GitHub could not be reached for " + method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubUnavailableException("Interrupted while calling GitHub", e);
        }
        int status = response.statusCode();
        count(method, String.valueOf(status));
        JsonNode answer = parse(response.body());
        if (status < 300) {
            return new Answer(answer, response.headers());
        }
        String what = method + " " + url.substring(apiUrl.length()) + " answered " + status + ": "
                + answer.path("message").asText("(no message)");
        RateLimit limit = RateLimit.of(status, response.headers(), answer.path("message").asText(""), clock.instant());
        if (limit != null) {
            throw new GitHubUnavailableException(what, limit.waitSeconds(), null);
        }
        if (status == 401) {
            app.forget(installationId);
            throw new GitHubUnavailableException(what + " (the installation token is minted anew)");
        }
        if (status >= 500) {
            throw new GitHubUnavailableException(what, RateLimit.retryAfter(response.headers()), null);
        }
        throw new GitHubRequestException(status, what, null);
    }

    private void count(String method, String status) {
        metrics.counter("covenant.github.requests", "method", method, "status", status).increment();
    }

    /** The next page's URL, only if it stays on the API host: the token never goes anywhere else. */
    private String next(HttpHeaders headers) {
        for (String link : headers.allValues("Link")) {
            Matcher m = NEXT.matcher(link);
            if (m.find()) {
                String url = m.group(1);
                return url.toLowerCase(Locale.ROOT).startsWith(apiUrl.toLowerCase(Locale.ROOT) + "/") ? url : null;
            }
        }
        return null;
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a request body as JSON", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            // An HTML error page from a proxy in front of GitHub, for instance.
            return JSON.createObjectNode().put("message", "(not JSON: " + body.length + " bytes)");
        }
    }
}
