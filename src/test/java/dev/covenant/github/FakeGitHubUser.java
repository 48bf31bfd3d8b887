package dev.covenant.github;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account on the fake. {@code emailPrivate} mirrors GitHub's "Keep my email addresses private" setting: the
 * profile's {@code email} turns null and the primary address reports visibility "private".
 */
public record FakeGitHubUser(long id, String login, String name, List<FakeEmail> emails, boolean emailPrivate) {

    // Fixed so that JSON snapshots in tests stay stable between runs.
    private static final Instant CREATED = Instant.parse("2015-03-14T09:26:53Z");
    private static final Instant UPDATED = Instant.parse("2025-01-02T03:04:05Z");

    public FakeGitHubUser {
        if (login == null || login.isBlank()) {
            throw new IllegalArgumentException("login is required");
        }
        emails = List.copyOf(emails);
        if (emails.stream().filter(FakeEmail::primary).count() > 1) {
            throw new IllegalArgumentException("GitHub accounts have at most one primary email: " + login);
        }
    }

    public FakeGitHubUser withEmailPrivate() {
        return new FakeGitHubUser(id, login, name, emails, true);
    }

    /** What GitHub shows as the profile's {@code email}: the primary address unless the user keeps it private. */
    public String publicEmail() {
        if (emailPrivate) {
            return null;
        }
        return emails.stream().filter(FakeEmail::primary).map(FakeEmail::email).findFirst().orElse(null);
    }

    /** GitHub's legacy global node id, base64 of "04:User{id}", the form older clients still parse. */
    public String nodeId() {
        return Base64.getEncoder().encodeToString(("04:User" + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The user object of {@code GET /users/{login}}; {@code self} adds the private fields that {@code GET /user}
     * returns to the account's own token.
     */
    Map<String, Object> toJson(String apiUrl, String webUrl, boolean self) {
        String api = apiUrl + "/users/" + login;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("login", login);
        json.put("id", id);
        json.put("node_id", nodeId());
        json.put("avatar_url", webUrl + "/avatars/u/" + id + "?v=4");
        json.put("gravatar_id", "");
        json.put("url", api);
        json.put("html_url", webUrl + "/" + login);
        json.put("followers_url", api + "/followers");
        json.put("following_url", api + "/following{/other_user}");
        json.put("gists_url", api + "/gists{/gist_id}");
        json.put("starred_url", api + "/starred{/owner}{/repo}");
        json.put("subscriptions_url", api + "/subscriptions");
        json.put("organizations_url", api + "/orgs");
        json.put("repos_url", api + "/repos");
        json.put("events_url", api + "/events{/privacy}");
        json.put("received_events_url", api + "/received_events");
        json.put("type", "User");
        json.put("user_view_type", self ? "private" : "public");
        json.put("site_admin", false);
        json.put("name", name);
        json.put("company", null);
        json.put("blog", "");
        json.put("location", null);
        json.put("email", publicEmail());
        json.put("hireable", null);
        json.put("bio", null);
        json.put("twitter_username", null);
        json.put("public_repos", 0);
        json.put("public_gists", 0);
        json.put("followers", 0);
        json.put("following", 0);
        json.put("created_at", CREATED.toString());
        json.put("updated_at", UPDATED.toString());
        if (self) {
            json.put("private_gists", 0);
            json.put("total_private_repos", 0);
            json.put("owned_private_repos", 0);
            json.put("disk_usage", 0);
            json.put("collaborators", 0);
            json.put("two_factor_authentication", true);
            json.put("plan", Map.of("name", "free", "space", 976562499, "collaborators", 0, "private_repos", 10000));
        }
        return json;
    }

    /** The array of {@code GET /user/emails}. */
    List<Map<String, Object>> emailsJson() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (FakeEmail email : emails) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("email", email.email());
            json.put("primary", email.primary());
            json.put("verified", email.verified());
            // GitHub reports visibility only for the primary address; the others carry null.
            json.put("visibility", email.primary() ? (emailPrivate ? "private" : "public") : null);
            list.add(json);
        }
        return list;
    }
}
