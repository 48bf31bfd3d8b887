package dev.covenant.checks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import dev.covenant.github.InstallationRepositories;
import dev.covenant.github.Repositories;
import dev.covenant.jdbc.Rows;

/** The sweep's record: who may run, what it covers, how far it got. Every write commits at once. */
@ApplicationScoped
public class ReconcileRuns {

    /** A sweep that has not finished after this long is taken to have died with its instance. */
    static final Duration ABANDONED = Duration.ofHours(1);
    private static final long LOCK = 4200002;

    private final AgroalDataSource dataSource;
    private final Reevaluations reevaluations;

    ReconcileRuns(AgroalDataSource dataSource, Reevaluations reevaluations) {
        this.dataSource = dataSource;
        this.reevaluations = reevaluations;
    }

    public record Target(Long installationId, String repository) {
    }

    public record Run(long id, Instant startedAt, Instant finishedAt, int repositories, int repositoriesDone,
            int pullRequests, int queued, int apiCalls, String stoppedReason) {
    }

    /**
     * A new run's id, for the sweep job {@code jobId} (null: none), unless another one is under way. A run its job
     * left open (the job's instance stopped, and this is the job started again) is closed first.
     */
    public Optional<Long> start(Instant now, Long jobId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Rows.query(c, "SELECT pg_advisory_xact_lock(?)", rs -> {
                }, LOCK);
                if (jobId != null) {
                    Rows.update(c,
                            "UPDATE reconcile_run SET finished_at = ?, stopped_reason = 'interrupted: the instance"
                                    + " running this sweep stopped, and the sweep started again' WHERE job_id = ?"
                                    + " AND finished_at IS NULL",
                            now, jobId);
                }
                long[] running = new long[1];
                Rows.query(c, "SELECT count(*) FROM reconcile_run WHERE finished_at IS NULL AND started_at > ?",
                        rs -> running[0] = rs.getLong(1), now.minus(ABANDONED));
                Optional<Long> id = Optional.empty();
                if (running[0] == 0) {
                    long[] inserted = new long[1];
                    Rows.query(c, "INSERT INTO reconcile_run (started_at, job_id) VALUES (?, ?) RETURNING id",
                            rs -> inserted[0] = rs.getLong(1), now, jobId);
                    id = Optional.of(inserted[0]);
                }
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reconcile_run: " + e.getMessage(), e);
        }
    }

    /** Installed repositories, by installation. */
    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        query("SELECT r.installation_id, r.full_name FROM installation_repository r JOIN installation i"
                + " ON i.id = r.installation_id WHERE i.removed_at IS NULL AND NOT i.suspended"
                + " ORDER BY r.installation_id, r.full_name",
                rs -> targets.add(new Target(rs.getLong(1),
                        rs.getString(2))));
        return targets.stream().filter(t -> Repositories.isFullName(t.repository())).toList();
    }

    /** The installations the App is active on, as the webhooks told us. */
    public List<Long> installations() {
        List<Long> ids = new ArrayList<>();
        query("SELECT id FROM installation WHERE removed_at IS NULL AND NOT suspended ORDER BY id",
                rs -> ids.add(rs.getLong(1)));
        return ids;
    }

    /** The installation reaches exactly these repositories now (GitHub's list): one transaction. */
    public void replaceRepositories(long installationId, List<InstallationRepositories.Installed> repositories) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Rows.update(c,
                        "DELETE FROM installation_repository WHERE installation_id = ? AND NOT (repo_id = ANY(?))",
                        installationId,
                        Rows.longs(repositories.stream().map(InstallationRepositories.Installed::id).toList()));
                for (InstallationRepositories.Installed repository : repositories) {
                    Rows.update(c, "INSERT INTO installation_repository (installation_id, repo_id, full_name)"
                            + " VALUES (?, ?, ?) ON CONFLICT (installation_id, repo_id)"
                            + " DO UPDATE SET full_name = excluded.full_name",
                            installationId, repository.id(), repository.fullName());
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("installation " + installationId + " - its repositories: "
                    + e.getMessage(), e);
        }
    }

    public void progress(long id, int repositories, int done, int pullRequests, int queued, int calls) {
        update("UPDATE reconcile_run SET repositories = ?, repositories_done = ?, pull_requests = ?, queued = ?,"
                + " api_calls = ? WHERE id = ?", repositories, done, pullRequests, queued, calls, id);
    }

    public void finish(long id, Instant now, String stoppedReason) {
        update("UPDATE reconcile_run SET finished_at = ?, stopped_reason = ? WHERE id = ?", now, stoppedReason, id);
    }

    /** Pull requests GitHub no longer lists as open were closed while no webhook reached us. */
    public void closeAllBut(String repository, List<Integer> open) {
        update("UPDATE pull_request SET state = 'CLOSED' WHERE repository = ? AND state = 'OPEN'"
                + " AND NOT (number = ANY (?))", repository, new Rows.Array("int", open));
    }

    public int queue(String repository, int number) {
        return reevaluations.enqueue(repository, number, "reconcile");
    }

    public Optional<Run> find(long id) {
        return recent(id, 1).stream().findFirst();
    }

    /** The latest runs, newest first; {@code id} 0 for any. */
    public List<Run> recent(long id, int limit) {
        List<Run> runs = new ArrayList<>();
        query("SELECT id, started_at, finished_at, repositories, repositories_done, pull_requests, queued, api_calls,"
                + " stopped_reason FROM reconcile_run WHERE ? = 0 OR id = ? ORDER BY id DESC LIMIT ?",
                rs -> runs.add(new Run(rs.getLong(1), Rows.instant(rs, "started_at"), Rows.instant(rs, "finished_at"),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9))),
                id, id, limit);
        return runs;
    }

    private void query(String sql, Rows.Reader reader, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            Rows.query(c, sql, reader, args);
        } catch (SQLException e) {
            throw new IllegalStateException("reconcile_run: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            Rows.update(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException("reconcile_run: " + e.getMessage(), e);
        }
    }
}
