package dev.covenant.relicensing.campaign;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import dev.covenant.identity.Person;
import dev.covenant.jdbc.Rows;
import dev.covenant.relicensing.report.AccountAddresses;

/**
 * A person's commits in a repository's imported history, found by the addresses the identity model gives them there
 * (the same as the report's: {@link AccountAddresses}), as author or co-author.
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
            + " WHERE repository = ? AND author_email = ANY(?) UNION"
            + " SELECT sha, authored_at FROM contribution_coauthor WHERE repository = ? AND email = ANY(?)) ";
    private static final Instant WHOLE_HISTORY = Instant.parse("9999-12-31T00:00:00Z");

    private final AgroalDataSource dataSource;

    PersonCommits(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Summary of(String repository, Person person, int limit) {
        try (Connection c = dataSource.getConnection()) {
            Rows.Array mine = Rows.texts(AccountAddresses.of(c, repository, WHOLE_HISTORY, person.githubId));
            long[] count = new long[1];
            Instant[] range = new Instant[2];
            List<Commit> newest = new ArrayList<>();
            Rows.query(c, CREDIT + "SELECT count(*), min(authored_at), max(authored_at) FROM credit", rs -> {
                count[0] = rs.getLong(1);
                range[0] = Rows.instant(rs, "min");
                range[1] = Rows.instant(rs, "max");
            }, repository, mine, repository, mine);
            Rows.query(c, CREDIT + "SELECT sha, authored_at FROM credit ORDER BY authored_at DESC, sha LIMIT ?",
                    rs -> newest.add(new Commit(rs.getString(1), Rows.instant(rs, "authored_at"))), repository, mine,
                    repository, mine, limit);
            return new Summary(count[0], range[0], range[1], newest);
        } catch (SQLException e) {
            throw new IllegalStateException(repository + " - the commits of @" + person.login + " could not be read: "
                    + e.getMessage(), e);
        }
    }
}
