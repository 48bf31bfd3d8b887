package dev.covenant.github;

import static dev.covenant.github.FakeGitHubRepos.REPO;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * A user's permission on a repository. GitHub reports a role ("admin", "maintain", "write", "triage", "read") and
 * folds it into the older permission levels: maintain counts as write, triage as read. The owning user is admin;
 * anyone else without a role has "none" on a private repository.
 */
final class FakeCollaboratorsApi {

    private final FakeGitHubRepos home;

    FakeCollaboratorsApi(FakeGitHubRepos home) {
        this.home = home;
    }

    List<FakeRoute> routes() {
        return List.of(FakeRoute.get(REPO + "/collaborators/([^/]+)/permission", this::permission));
    }

    private FakeResponse permission(RecordedRequest request, Matcher path) {
        FakeRepo repo = home.authorized(request, path);
        FakeGitHubUser user = repo == null ? null : home.directory().user(path.group(3));
        if (user == null) {
            return FakeGitHubRepos.notFound();
        }
        String role = user.login().equalsIgnoreCase(repo.ownerLogin()) ? "admin" : repo.role(user.login());
        String permission = role == null ? "none" : switch (role) {
            case "admin" -> "admin";
            case "maintain", "write" -> "write";
            default -> "read";
        };
        Map<String, Object> collaborator = home.json().simple(user);
        collaborator.put("permissions", Map.of("admin", "admin".equals(role),
                "maintain", List.of("admin", "maintain").contains(String.valueOf(role)),
                "push", List.of("admin", "maintain", "write").contains(String.valueOf(role)),
                "triage", role != null && !"read".equals(role), "pull", role != null));
        collaborator.put("role_name", role == null ? "none" : role);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("permission", permission);
        json.put("role_name", role == null ? "none" : role);
        json.put("user", collaborator);
        return FakeResponse.json(200, json);
    }
}
