package dev.covenant.jobs;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;

import dev.covenant.jdbc.Rows;

/**
 * The leases this instance holds: its owner id (new at every start, so that a restarted instance takes its own
 * former jobs over like anyone else's), the jobs it holds, their claims and their renewal. A claim takes jobs with
 * FOR UPDATE SKIP LOCKED, first those whose lease ran out, then due ones; the renewal keeps every held job's lease
 * ahead of the clock while it runs.
 */
@ApplicationScoped
public class JobLeases {

    private static final Logger LOG = Logger.getLogger(JobLeases.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;
    private final JobsConfig config;
    private final Clock clock;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Set<Long> held = ConcurrentHashMap.newKeySet();

    JobLeases(AgroalDataSource dataSource, JobsConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /** Who holds a lease: this instance, as long as it runs. */
    public String owner() {
        return owner;
    }

    void hold(long id) {
        held.add(id);
    }

    void letGo(long id) {
        held.remove(id);
    }

    Instant leaseEnd() {
        return clock.instant().plus(config.lease());
    }

    /** Up to {@code limit} jobs of {@code kind} for this instance to run, now RUNNING under its lease. */
    List<Job> claim(String kind, int limit) {
        Instant now = clock.instant();
        List<Job> jobs = inTransaction(c -> {
            // The jobs this instance still holds are its own to renew; any other whose lease ran out is taken over.
            List<Long> expired = Rows.list(c, "SELECT id FROM job WHERE kind = ? AND state = 'RUNNING'"
                    + " AND lease_until < ? AND NOT (id = ANY(?)) ORDER BY lease_until LIMIT ? FOR UPDATE SKIP LOCKED",
                    rs -> rs.getLong(1), kind, now, held.toArray(Long[]::new), limit);
            List<Long> ids = new ArrayList<>(expired);
            if (ids.size() < limit) {
                ids.addAll(Rows.list(c, "SELECT id FROM job WHERE kind = ? AND state = 'QUEUED' AND run_after <= ?"
                        + " AND (lease_until IS NULL OR lease_owner = ? OR lease_until < ?) ORDER BY run_after, id"
                        + " LIMIT ? FOR UPDATE SKIP LOCKED", rs -> rs.getLong(1), kind, now, owner, now,
                        limit - ids.size()));
            }
            return ids.isEmpty()
                    ? List.<Job>of()
                    : Rows.list(c, "UPDATE job SET state = 'RUNNING',"
                            + " attempts = attempts + 1, lease_owner = ?, lease_until = ?, started_at = coalesce(started_at, ?),"
                            + " updated_at = ? WHERE id = ANY(?) RETURNING id, kind, dedupe_key, payload::text, attempts",
                            rs -> new Job(rs.getLong(1), rs.getString(2), rs.getString(3), payload(rs.getString(4)),
                                    rs.getInt(5), expired.contains(rs.getLong(1))),
                            owner, now.plus(config.lease()), now, now, ids.toArray(Long[]::new));
        });
        jobs.forEach(job -> held.add(job.id()));
        return jobs;
    }

    /** Moves the leases of every job this instance holds ahead; a job another instance took over is let go. */
    void renew() {
        if (held.isEmpty()) {
            return;
        }
        Long[] ids = held.toArray(Long[]::new);
        List<Long> renewed = inAutocommit(c -> Rows.list(c, "UPDATE job SET lease_until = ? WHERE lease_owner = ?"
                + " AND id = ANY(?) AND state IN ('QUEUED', 'RUNNING') RETURNING id", rs -> rs.getLong(1), leaseEnd(),
                owner, ids));
        for (Long id : ids) {
            if (!renewed.contains(id) && held.remove(id)) {
                LOG.warnf("Job %d is no longer held by this instance (finished, or taken over after its lease ran out)",
                        id);
            }
        }
    }

    /** Frees every job this instance holds, at shutdown: another instance (or this one, restarted) resumes them. */
    void releaseAll() {
        Long[] ids = held.toArray(Long[]::new);
        if (ids.length > 0) {
            inAutocommit(c -> Rows.update(c, "UPDATE job SET lease_until = ? WHERE lease_owner = ? AND id = ANY(?)"
                    + " AND state IN ('QUEUED', 'RUNNING')", clock.instant(), owner, ids));
            held.clear();
        }
    }

    /** Runs {@code work} on a connection of its own, committed at once. */
    <T> T inAutocommit(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("job: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in a transaction of its own. */
    <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("job: " + e.getMessage(), e);
        }
    }

    private static JsonNode payload(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job: a payload is not JSON: " + e.getMessage(), e);
        }
    }

    /** Work on a connection. */
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
