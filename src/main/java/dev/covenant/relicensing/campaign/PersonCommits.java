package dev.covenant.relicensing.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import dev.covenant.identity.Person;

/**
 * A person's commits in a repository's imported history, found as the report finds them: by the addresses GitHub
 * verified for them and by their no-reply addresses (by id, {@code ID+anything@}, or the older {@code login@} form),
 * as author or co-author.
 */
@ApplicationScoped
public class PersonCommits {

    /** One commit, for the list. */
    public record Commit(String sha, Instant authoredAt) {

        public String shortSha() {
            return sha.length() > 12 ? sha.substring(0, 12) : sha;
        }
    }

    /** How many, the first and last dates, and the newest up to the limit. */
    public record Summary(long count, Instant first, Instant last, List<Commit> newest) {

        public boolean none() {
            return count == 0;
        }
    }

    private static final String CREDIT = "WITH credit AS (SELECT sha, authored_at FROM contribution"
            + " WHERE repository = ? AND (author_email = ANY(?) OR author_email LIKE ?) UNION"
            + " SELECT sha, authored_at FROM contribution_coauthor"
            + " WHERE repository = ? AND (email = ANY(?) OR email LIKE ?)) ";

    private final AgroalDataSource dataSource;

    PersonCommits(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Summary of(String repository, Person person, int limit) {
        Set<String> emails = new LinkedHashSet<>();
        person.verifiedEmails().forEach(e -> emails.add(e.toLowerCase(Locale.ROOT)));
        emails.add(person.login.toLowerCase(Locale.ROOT) + "@users.noreply.github.com");
        String byId = person.githubId + "+%@users.noreply.github.com";
        try (Connection c = dataSource.getConnection()) {
            long[] count = new long[1];
            Instant[] range = new Instant[2];
            List<Commit> newest = new ArrayList<>();
            query(c, CREDIT + "SELECT count(*), min(authored_at), max(authored_at) FROM credit", repository, emails,
                    byId, null, rs -> {
                        count[0] = rs.getLong(1);
                        range[0] = instant(rs, 2);
                        range[1] = instant(rs, 3);
                    });
            query(c, CREDIT + "SELECT sha, authored_at FROM credit ORDER BY authored_at DESC, sha LIMIT ?", repository,
                    emails, byId, limit, rs -> newest.add(new Commit(rs.getString(1), instant(rs, 2))));
            return new Summary(count[0], range[0], range[1], newest);
        } catch (SQLException e) {
            throw new IllegalStateException(repository + " - the commits of @" + person.login + " could not be read: "
                    + e.getMessage(), e);
        }
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, String repository, Set<String> emails, String byId,
            Integer limit, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            java.sql.Array array = c.createArrayOf("text", emails.toArray());
            for (int i = 0; i < 2; i++) {
                ps.setString(1 + 3 * i, repository);
                ps.setArray(2 + 3 * i, array);
                ps.setString(3 + 3 * i, byId);
            }
            if (limit != null) {
                ps.setInt(7, limit);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
