package dev.covenant.github;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Whether a GitHub user maintains a repository, as GitHub answers through the App's installation on it: {@code GET
 * /repos/{owner}/{repo}/collaborators/{username}/permission}, whose {@code role_name} tells {@code maintain} apart
 * from {@code write} (its {@code permission} does not). Where the App is not installed, nobody is.
 */
@ApplicationScoped
public class RepositoryPermissions {

    private static final Set<String> MAINTAINERS = Set.of("admin", "maintain");

    private final GitHubRest rest;
    private final EntityManager em;

    RepositoryPermissions(GitHubRest rest, EntityManager em) {
        this.rest = rest;
        this.em = em;
    }

    /**
     * True for GitHub's admin and maintain roles on the repository. Only the installation is read in a transaction;
     * GitHub is asked after it ends (unless the caller holds one of its own).
     */
    public boolean maintains(String repository, String login) {
        if (!Repositories.isFullName(repository) || login == null || !login.matches("[A-Za-z0-9-]{1,39}")) {
            return false;
        }
        Optional<Long> installation = installationOf(repository);
        if (installation.isEmpty()) {
            return false;
        }
        try {
            String role = rest
                    .get(installation.get(), "/repos/" + repository + "/collaborators/" + login + "/permission")
                    .path("role_name").asText("");
            return MAINTAINERS.contains(role.toLowerCase(Locale.ROOT));
        } catch (GitHubRequestException e) {
            if (e.notFound()) {
                return false;
            }
            throw e;
        } catch (GitHubUnavailableException e) {
            throw new GitHubUnavailableException("GitHub could not say whether " + login + " maintains " + repository,
                    e);
        }
    }

    private Optional<Long> installationOf(String repository) {
        return QuarkusTransaction.joiningExisting().call(() -> em
                .createNativeQuery("SELECT r.installation_id FROM installation_repository r JOIN installation i "
                        + "ON i.id = r.installation_id WHERE lower(r.full_name) = lower(?1) AND i.removed_at IS NULL AND NOT i.suspended")
                .setParameter(1, repository).getResultStream().findFirst().map(id -> ((Number) id).longValue()));
    }
}
