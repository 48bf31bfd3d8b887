package dev.covenant.github;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The repositories an installation of the App reaches, as GitHub lists them now ({@code GET
 * /installation/repositories}, every page): including those no webhook named, such as a repository created later in
 * an organisation that installed the App on all its repositories.
 */
@ApplicationScoped
public class InstallationRepositories {

    /** GitHub's most per page. */
    static final int PAGE = 100;
    /** Far more than any organisation has; a bound on what one listing reads. */
    private static final int LIMIT = 100_000;

    /** One repository: GitHub's numeric id and its {@code owner/name}. */
    public record Installed(long id, String fullName) {
    }

    private final GitHubRest rest;

    InstallationRepositories(GitHubRest rest) {
        this.rest = rest;
    }

    public List<Installed> of(long installationId) {
        return rest.list(installationId, "/installation/repositories?per_page=" + PAGE, "repositories", LIMIT)
                .stream().map(r -> new Installed(r.path("id").asLong(), r.path("full_name").asText()))
                .filter(r -> r.id() > 0 && Repositories.isFullName(r.fullName())).toList();
    }
}
