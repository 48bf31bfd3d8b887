package dev.covenant.github;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;

/** Looks up users and organisation membership on GitHub. */
@ApplicationScoped
public class GitHubDirectory {

    private final GitHubConfig config;

    private final HttpClient http;

    GitHubDirectory(GitHubConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(config.timeoutSeconds()))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public record User(long id, String login) {
    }

    /** The user with this login now, or empty if GitHub knows none. */
    public Optional<User> user(String login) {
        try {
            GHUser user = client().getUser(login);
            return Optional.of(new User(user.getId(), user.getLogin()));
        } catch (GHFileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new GitHubUnavailableException("GitHub could not look up " + login + ": " + e.getMessage(), e);
        }
    }

    /** Whether the user is a member of the organisation, as GitHub answers at this moment. */
    public boolean isMember(String org, String login) {
        // GET /orgs/{org}/members/{username}: 204 member, 404 not; an outside asker is redirected to the public
        // member list, which the client follows. The App's installation token (pull-request checks) sees private members.
        HttpRequest request = HttpRequest
                .newBuilder(URI.create(config.apiUrl() + "/orgs/" + encode(org) + "/members/" + encode(login)))
                .timeout(Duration.ofSeconds(config.timeoutSeconds()))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .GET().build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            if (status == 204) {
                return true;
            }
            if (status == 404) {
                return false;
            }
            throw new GitHubUnavailableException(
                    "GitHub answered " + status + " to a membership check of " + login + " in " + org);
        } catch (IOException e) {
            throw new GitHubUnavailableException("GitHub could not check whether " + login + " is in " + org, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubUnavailableException("Interrupted while waiting for GitHub", e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    private GitHub client() throws IOException {
        return new GitHubBuilder().withEndpoint(config.apiUrl()).build();
    }
}
