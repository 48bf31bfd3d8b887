package dev.covenant.relicensing.history;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import dev.covenant.github.GitHubApp;
import dev.covenant.github.GitHubConfig;

/**
 * The App's installation token for cloning a private repository: only for a URL on GitHub's own host that names
 * the very repository being imported, and only when the App is installed on it, so the token never goes anywhere
 * else. GitHub takes it as the password of the user {@code x-access-token}.
 */
@ApplicationScoped
public class CloneCredentials {

    private final GitHubApp app;
    private final String githubHost;
    private final AgroalDataSource dataSource;

    CloneCredentials(GitHubApp app, GitHubConfig github, AgroalDataSource dataSource) {
        this.app = app;
        this.githubHost = URI.create(github.webUrl()).getHost();
        this.dataSource = dataSource;
    }

    public Optional<CredentialsProvider> forClone(CloneUrl url, String repository) {
        if (!app.configured() || !tokenMayGo(url, githubHost, repository)) {
            return Optional.empty();
        }
        return installationOf(repository).map(id -> {
            String authorization = app.authorization(id);
            String token = authorization.substring(authorization.indexOf(' ') + 1);
            return new UsernamePasswordCredentialsProvider("x-access-token", token);
        });
    }

    /** Only over https, to GitHub's own host, for a URL naming the repository being imported (lower-cased). */
    public static boolean tokenMayGo(CloneUrl url, String githubHost, String repository) {
        URI uri = url.uri();
        if (url.localPath() != null || !"https".equalsIgnoreCase(uri.getScheme()) || githubHost == null
                || !githubHost.equalsIgnoreCase(uri.getHost()) || uri.getPort() != -1 && uri.getPort() != 443) {
            return false;
        }
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        return path.equals("/" + repository) || path.equals("/" + repository + ".git");
    }

    private Optional<Long> installationOf(String repository) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT r.installation_id FROM installation_repository r JOIN installation i ON i.id = r.installation_id"
                                + " WHERE lower(r.full_name) = ? AND i.removed_at IS NULL AND NOT i.suspended LIMIT 1")) {
            ps.setString(1, repository);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("looking up the installation of " + repository + " failed", e);
        }
    }
}
