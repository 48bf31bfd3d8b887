package dev.covenant.checks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.covenant.github.PullRequestHead;
import dev.covenant.jdbc.Database;
import dev.covenant.jdbc.Rows;

/**
 * What Covenant knows of the pull requests it checks. Each write is its own short transaction, committed at once,
 * so that a newer head is visible to an evaluation still running for an older one, and so that the ids of what was
 * published on GitHub survive a failure later in the same delivery.
 */
@ApplicationScoped
public class PullRequestTracker {

    private static final String COLUMNS = "installation_id, repository, number, state, head_sha, base_sha,"
            + " commit_count, author_login, evaluated_sha, evaluated_at, conclusion, comment_id";

    private final Database db;

    PullRequestTracker(Database db) {
        this.db = db;
    }

    public record Tracked(long installationId, String repository, int number, boolean open, String headSha,
            String baseSha, int commitCount, String authorLogin, String evaluatedSha, Instant evaluatedAt,
            String conclusion, Long commentId) {

        public PullRequestHead head() {
            return new PullRequestHead(installationId, repository, number, open, headSha, baseSha, commitCount,
                    authorLogin, Instant.EPOCH);
        }

        /** Whether an evaluation of the current head started at or after {@code moment}. */
        public boolean evaluatedSince(Instant moment) {
            return headSha.equals(evaluatedSha) && evaluatedAt != null && !evaluatedAt.isBefore(moment);
        }
    }

    /**
     * Remembers the pull request's state; its head moves only forward in GitHub's time, so a payload that arrives
     * late never undoes a newer one.
     */
    public void record(PullRequestHead pr) {
        db.committed(pr.label() + " - recording the pull request", c -> Rows.update(c, "INSERT INTO pull_request"
                + " (repository, number, installation_id, state, head_sha, base_sha, commit_count, author_login,"
                + " head_updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (repository, number) DO UPDATE"
                + " SET installation_id = excluded.installation_id, state = excluded.state,"
                + " head_sha = excluded.head_sha, base_sha = excluded.base_sha, commit_count = excluded.commit_count,"
                + " author_login = COALESCE(excluded.author_login, pull_request.author_login),"
                + " head_updated_at = excluded.head_updated_at"
                + " WHERE pull_request.head_updated_at <= excluded.head_updated_at",
                pr.repository(), pr.number(), pr.installationId(), pr.open() ? "OPEN" : "CLOSED", pr.headSha(),
                pr.baseSha(), pr.commitCount(), pr.authorLogin(), pr.updatedAt()));
    }

    public Optional<Tracked> find(String repository, int number) {
        return db.committed(repository + "#" + number + " - reading the pull request", c -> {
            List<Tracked> found = new ArrayList<>(1);
            Rows.query(c, "SELECT " + COLUMNS + " FROM pull_request WHERE repository = ? AND number = ?",
                    rs -> found.add(tracked(rs)), repository, number);
            return found.stream().findFirst();
        });
    }

    /** The head each of these pull requests was last evaluated at, for those evaluated at all: one query for many. */
    public Map<Integer, String> evaluatedShas(String repository, Collection<Integer> numbers) {
        return db.committed(repository + " - reading evaluated heads", c -> {
            Map<Integer, String> evaluated = new HashMap<>();
            Rows.query(c, "SELECT number, evaluated_sha FROM pull_request WHERE repository = ?"
                    + " AND number = ANY(?) AND evaluated_sha IS NOT NULL",
                    rs -> evaluated.put(rs.getInt(1), rs.getString(2)), repository,
                    new Rows.Array("int", numbers));
            return evaluated;
        });
    }

    /**
     * Records an evaluation and who it found, unless the head moved on meanwhile; false then. In the caller's
     * transaction if there is one ({@link CoverageFence} queues a re-evaluation in the same one).
     */
    public boolean recordEvaluation(String repository, int number, String sha, Instant startedAt, String conclusion,
            Collection<Long> githubIds, Collection<String> emails) {
        return db.inTransaction(repository + "#" + number + " - recording an evaluation", c -> {
            int updated = Rows.update(c, "UPDATE pull_request SET evaluated_sha = ?, evaluated_at = ?,"
                    + " conclusion = ? WHERE repository = ? AND number = ? AND head_sha = ?", sha, startedAt,
                    conclusion, repository, number, sha);
            if (updated == 0) {
                return false;
            }
            Rows.update(c, "DELETE FROM pull_request_contributor WHERE repository = ? AND number = ?", repository,
                    number);
            Rows.update(c, "INSERT INTO pull_request_contributor (repository, number, github_id, email)"
                    + " SELECT ?, ?, id, NULL FROM unnest(?::bigint[]) AS id"
                    + " UNION ALL SELECT ?, ?, NULL, e FROM unnest(?::text[]) AS e", repository, number,
                    Rows.longs(githubIds), repository, number, Rows.texts(emails));
            return true;
        });
    }

    /** The head GitHub last told us of, read afresh. */
    public Optional<String> currentHead(String repository, int number) {
        return db.committed(repository + "#" + number + " - reading the head", c -> {
            List<String> head = new ArrayList<>(1);
            Rows.query(c, "SELECT head_sha FROM pull_request WHERE repository = ? AND number = ? AND state = 'OPEN'",
                    rs -> head.add(rs.getString(1)), repository, number);
            return head.stream().findFirst();
        });
    }

    public void recordComment(String repository, int number, long commentId) {
        db.committed(repository + "#" + number + " - recording the comment", c -> Rows.update(c,
                "UPDATE pull_request SET comment_id = ? WHERE repository = ? AND number = ?", commentId, repository,
                number));
    }

    public Optional<Long> checkRunId(String repository, String headSha) {
        return db.committed(repository + " - reading the check run of " + headSha, c -> {
            List<Long> id = new ArrayList<>(1);
            Rows.query(c, "SELECT check_run_id FROM check_run WHERE repository = ? AND head_sha = ?",
                    rs -> id.add(rs.getLong(1)), repository, headSha);
            return id.stream().findFirst();
        });
    }

    /**
     * Remembers the check run on the head of pull request {@code number}; {@code completed} when it was created or
     * updated as completed, otherwise it counts as in progress until {@link #checkRunCompleted} says otherwise.
     */
    public void recordCheckRun(String repository, int number, String headSha, long checkRunId, Instant now,
            boolean completed) {
        db.committed(repository + " - recording check run " + checkRunId, c -> Rows.update(c,
                "INSERT INTO check_run (repository, head_sha, check_run_id, created_at, number, completed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (repository, head_sha) DO UPDATE"
                        + " SET check_run_id = excluded.check_run_id, number = excluded.number,"
                        + " completed_at = excluded.completed_at",
                repository, headSha, checkRunId, now, number, completed ? now : null));
    }

    public void checkRunCompleted(String repository, String headSha, Instant now) {
        db.committed(repository + " - recording the completion of the check run on " + headSha, c -> Rows.update(c,
                "UPDATE check_run SET completed_at = ? WHERE repository = ? AND head_sha = ?", now, repository,
                headSha));
    }

    /** A check run recorded as in progress on a head. */
    public record OpenRun(String headSha, long checkRunId) {
    }

    /** The pull request's check runs still in progress on other heads than {@code headSha}. */
    public List<OpenRun> openRunsBesides(String repository, int number, String headSha) {
        return db.committed(repository + "#" + number + " - reading check runs in progress", c -> {
            List<OpenRun> runs = new ArrayList<>();
            Rows.query(c, "SELECT head_sha, check_run_id FROM check_run WHERE repository = ? AND number = ?"
                    + " AND completed_at IS NULL AND head_sha <> ?",
                    rs -> runs.add(new OpenRun(rs.getString(1), rs.getLong(2))), repository, number, headSha);
            return runs;
        });
    }

    private static Tracked tracked(ResultSet rs) throws SQLException {
        return new Tracked(rs.getLong("installation_id"), rs.getString("repository"), rs.getInt("number"),
                "OPEN".equals(rs.getString("state")), rs.getString("head_sha"), rs.getString("base_sha"),
                rs.getInt("commit_count"), rs.getString("author_login"), rs.getString("evaluated_sha"),
                Rows.instant(rs, "evaluated_at"), rs.getString("conclusion"), rs.getObject("comment_id", Long.class));
    }
}
