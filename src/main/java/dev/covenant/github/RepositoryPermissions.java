package dev.covenant.github;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * Whether a GitHub user maintains a repository, as GitHub answers through the App's installation on it: {@code GET
 * /repos/{owner}/{repo}/collaborators/{username}/permission}, whose {@code role_name} tells {@code maintain} apart
 * from {@code write} (its {@code permission} does not). Where the App is not installed, nobody is.
 */
@ApplicationScoped
public class RepositoryPermissions {

    private static final Set<String> MAINTAINERS = Set.of("admin", "maintain");

    private final GitHubRest rest;
    private final AgroalDataSource dataSource;

    RepositoryPermissions(GitHubRest rest, AgroalDataSource dataSource) {
        this.rest = rest;
        this.dataSource = dataSource;
    }

    /**
     * True for GitHub's admin and maintain roles on the repository. The installation is read first, on a connection
     * given back before GitHub is asked.
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
                    e.retryAfterSeconds(), e);
        }
    }

    private Optional<Long> installationOf(String repository) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT r.installation_id FROM installation_repository r"
                        + " JOIN installation i ON i.id = r.installation_id WHERE lower(r.full_name) = lower(?)"
                        + " AND i.removed_at IS NULL AND NOT i.suspended")) {
            ps.setString(1, repository);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the installation of " + repository + " could not be read: "
                    + e.getMessage(), e);
        }
    }
}
