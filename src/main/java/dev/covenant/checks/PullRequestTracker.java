package dev.covenant.checks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import dev.covenant.github.PullRequestHead;
import dev.covenant.jdbc.SqlTimes;

/**
 * What Covenant knows of the pull requests it checks. Each write is its own short transaction, committed at once,
 * so that a newer head is visible to an evaluation still running for an older one, and so that the ids of what was
 * published on GitHub survive a failure later in the same delivery.
 */
@ApplicationScoped
public class PullRequestTracker {

    /** The advisory-lock class for pull requests (the two-key lock space; the ledger uses the one-key space). */
    private static final int LOCK_CLASS = 4_200_001;

    private final EntityManager em;

    PullRequestTracker(EntityManager em) {
        this.em = em;
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
    @Transactional(TxType.REQUIRES_NEW)
    public void record(PullRequestHead pr) {
        em.createNativeQuery(
                "INSERT INTO pull_request (repository, number, installation_id, state, head_sha, base_sha, "
                        + "commit_count, author_login, head_updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                        + "ON CONFLICT (repository, number) DO UPDATE SET installation_id = excluded.installation_id, "
                        + "state = excluded.state, head_sha = excluded.head_sha, base_sha = excluded.base_sha, "
                        + "commit_count = excluded.commit_count, author_login = COALESCE(excluded.author_login, pull_request.author_login), "
                        + "head_updated_at = excluded.head_updated_at WHERE pull_request.head_updated_at <= excluded.head_updated_at")
                .setParameter(1, pr.repository()).setParameter(2, pr.number()).setParameter(3, pr.installationId())
                .setParameter(4, pr.open() ? "OPEN" : "CLOSED").setParameter(5, pr.headSha())
                .setParameter(6, pr.baseSha())
                .setParameter(7, pr.commitCount()).setParameter(8, pr.authorLogin())
                .setParameter(9, Timestamp.from(pr.updatedAt())).executeUpdate();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Tracked> find(String repository, int number) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em
                .createNativeQuery("SELECT installation_id, repository, number, state, head_sha, base_sha, "
                        + "commit_count, author_login, evaluated_sha, evaluated_at, conclusion, comment_id FROM pull_request "
                        + "WHERE repository = ?1 AND number = ?2")
                .setParameter(1, repository).setParameter(2, number).getResultList();
        return rows.stream().findFirst().map(r -> new Tracked(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).intValue(), "OPEN".equals(r[3]), (String) r[4], (String) r[5],
                ((Number) r[6]).intValue(),
                (String) r[7], (String) r[8], SqlTimes.instant(r[9]), (String) r[10],
                r[11] == null ? null : ((Number) r[11]).longValue()));
    }

    /** The head each of these pull requests was last evaluated at, for those evaluated at all: one query for many. */
    @Transactional(TxType.REQUIRES_NEW)
    public Map<Integer, String> evaluatedShas(String repository, Collection<Integer> numbers) {
        Map<Integer, String> evaluated = new HashMap<>();
        em.createNativeQuery("SELECT number, evaluated_sha FROM pull_request WHERE repository = ?1"
                + " AND number = ANY(CAST(?2 AS int[])) AND evaluated_sha IS NOT NULL").setParameter(1, repository)
                .setParameter(2, numbers.toArray(Integer[]::new)).getResultStream()
                .forEach(r -> evaluated.put(((Number) ((Object[]) r)[0]).intValue(), (String) ((Object[]) r)[1]));
        return evaluated;
    }

    /**
     * Serialises the evaluations of one pull request across threads and instances until the caller's transaction
     * ends.
     */
    @Transactional(TxType.MANDATORY)
    public void lock(String repository, int number) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1, hashtext(?2))").setParameter(1, LOCK_CLASS)
                .setParameter(2, repository + "#" + number).getSingleResult();
    }

    /** Records an evaluation and who it found, unless the head moved on meanwhile; false then. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean recordEvaluation(String repository, int number, String sha, Instant startedAt, String conclusion,
            Collection<Long> githubIds, Collection<String> emails) {
        int updated = em
                .createNativeQuery("UPDATE pull_request SET evaluated_sha = ?3, evaluated_at = ?4, conclusion = ?5 "
                        + "WHERE repository = ?1 AND number = ?2 AND head_sha = ?3")
                .setParameter(1, repository).setParameter(2, number).setParameter(3, sha)
                .setParameter(4, Timestamp.from(startedAt)).setParameter(5, conclusion).executeUpdate();
        if (updated == 0) {
            return false;
        }
        em.createNativeQuery("DELETE FROM pull_request_contributor WHERE repository = ?1 AND number = ?2")
                .setParameter(1, repository).setParameter(2, number).executeUpdate();
        em.createNativeQuery("INSERT INTO pull_request_contributor (repository, number, github_id, email) "
                + "SELECT ?1, ?2, id, NULL FROM unnest(CAST(?3 AS bigint[])) AS id "
                + "UNION ALL SELECT ?1, ?2, NULL, e FROM unnest(CAST(?4 AS text[])) AS e")
                .setParameter(1, repository).setParameter(2, number)
                .setParameter(3, githubIds.toArray(Long[]::new)).setParameter(4, emails.toArray(String[]::new))
                .executeUpdate();
        return true;
    }

    /** The head GitHub last told us of, read afresh. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<String> currentHead(String repository, int number) {
        return em
                .createNativeQuery(
                        "SELECT head_sha FROM pull_request WHERE repository = ?1 AND number = ?2 AND state = 'OPEN'")
                .setParameter(1, repository).setParameter(2, number).getResultStream().findFirst()
                .map(String.class::cast);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void recordComment(String repository, int number, long commentId) {
        em.createNativeQuery("UPDATE pull_request SET comment_id = ?3 WHERE repository = ?1 AND number = ?2")
                .setParameter(1, repository).setParameter(2, number).setParameter(3, commentId).executeUpdate();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Long> checkRunId(String repository, String headSha) {
        return em.createNativeQuery("SELECT check_run_id FROM check_run WHERE repository = ?1 AND head_sha = ?2")
                .setParameter(1, repository).setParameter(2, headSha).getResultStream().findFirst()
                .map(id -> ((Number) id).longValue());
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void recordCheckRun(String repository, String headSha, long checkRunId, Instant now) {
        em.createNativeQuery(
                "INSERT INTO check_run (repository, head_sha, check_run_id, created_at) VALUES (?1, ?2, ?3, ?4) "
                        + "ON CONFLICT (repository, head_sha) DO UPDATE SET check_run_id = excluded.check_run_id")
                .setParameter(1, repository).setParameter(2, headSha).setParameter(3, checkRunId)
                .setParameter(4, Timestamp.from(now)).executeUpdate();
    }
}
