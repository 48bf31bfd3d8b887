package dev.covenant.checks;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import dev.covenant.github.Repositories;
import dev.covenant.jdbc.SqlTimes;

/** The sweep's record: who may run, what it covers, how far it got. Every write commits at once. */
@ApplicationScoped
public class ReconcileRuns {

    /** A sweep that has not finished after this long is taken to have died with its instance. */
    static final Duration ABANDONED = Duration.ofHours(1);

    private final EntityManager em;
    private final Reevaluations reevaluations;

    ReconcileRuns(EntityManager em, Reevaluations reevaluations) {
        this.em = em;
        this.reevaluations = reevaluations;
    }

    public record Target(Long installationId, String repository) {
    }

    public record Run(long id, Instant startedAt, Instant finishedAt, int repositories, int repositoriesDone,
            int pullRequests, int queued, int apiCalls, String stoppedReason) {
    }

    /** A new run's id, unless another one is under way. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Long> start(Instant now) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(4200002)").getSingleResult();
        long running = ((Number) em
                .createNativeQuery("SELECT count(*) FROM reconcile_run WHERE finished_at IS NULL AND started_at > ?1")
                .setParameter(1, Timestamp.from(now.minus(ABANDONED))).getSingleResult()).longValue();
        if (running > 0) {
            return Optional.empty();
        }
        return Optional
                .of(((Number) em.createNativeQuery("INSERT INTO reconcile_run (started_at) VALUES (?1) RETURNING id")
                        .setParameter(1, Timestamp.from(now)).getSingleResult()).longValue());
    }

    /** Installed repositories, by installation. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Target> targets() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em
                .createNativeQuery("SELECT r.installation_id, r.full_name FROM installation_repository r "
                        + "JOIN installation i ON i.id = r.installation_id WHERE i.removed_at IS NULL AND NOT i.suspended "
                        + "ORDER BY r.installation_id, r.full_name")
                .getResultList();
        return rows.stream().map(r -> new Target(((Number) r[0]).longValue(), (String) r[1]))
                .filter(t -> Repositories.isFullName(t.repository())).toList();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void progress(long id, int repositories, int done, int pullRequests, int queued, int calls) {
        em.createNativeQuery("UPDATE reconcile_run SET repositories = ?2, repositories_done = ?3, pull_requests = ?4, "
                + "queued = ?5, api_calls = ?6 WHERE id = ?1").setParameter(1, id).setParameter(2, repositories)
                .setParameter(3, done).setParameter(4, pullRequests).setParameter(5, queued).setParameter(6, calls)
                .executeUpdate();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void finish(long id, Instant now, String stoppedReason) {
        em.createNativeQuery("UPDATE reconcile_run SET finished_at = ?2, stopped_reason = ?3 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(now)).setParameter(3, stoppedReason)
                .executeUpdate();
    }

    /** Pull requests GitHub no longer lists as open were closed while no webhook reached us. */
    @Transactional(TxType.REQUIRES_NEW)
    public void closeAllBut(String repository, List<Integer> open) {
        em.createNativeQuery("UPDATE pull_request SET state = 'CLOSED' WHERE repository = ?1 AND state = 'OPEN' "
                + "AND NOT (number = ANY (CAST(?2 AS int[])))").setParameter(1, repository)
                .setParameter(2, open.toArray(Integer[]::new)).executeUpdate();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public int queue(String repository, int number) {
        return reevaluations.enqueue(repository, number, "reconcile");
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Run> find(long id) {
        return recent(id, 1).stream().findFirst();
    }

    /** The latest runs, newest first; {@code id} 0 for any. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Run> recent(long id, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em
                .createNativeQuery("SELECT id, started_at, finished_at, repositories, repositories_done, "
                        + "pull_requests, queued, api_calls, stopped_reason FROM reconcile_run WHERE ?1 = 0 OR id = ?1 "
                        + "ORDER BY id DESC LIMIT ?2")
                .setParameter(1, id).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new Run(((Number) r[0]).longValue(), SqlTimes.instant(r[1]),
                SqlTimes.instant(r[2]), ((Number) r[3]).intValue(), ((Number) r[4]).intValue(),
                ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), (String) r[8]))
                .toList();
    }
}
