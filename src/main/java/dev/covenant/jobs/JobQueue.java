package dev.covenant.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;

import dev.covenant.jdbc.Rows;

/**
 * Adds jobs to the {@code job} table and wakes the runners once they are committed. A job whose kind keeps a row
 * of its own is created with that row in one transaction ({@link #create}); jobs queued one per thing
 * ({@link #enqueueAll}) join the caller's transaction and are deduplicated: one QUEUED job per kind and key.
 */
@ApplicationScoped
public class JobQueue {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who may run a new job. */
    public enum Hold {
        /** Any instance. */
        ANYONE,
        /** This instance, which has the job's input (an upload on its disk); others once its lease ran out. */
        THIS_INSTANCE,
        /** This instance, in the caller's thread, at once ({@link JobRunner#runHere}). */
        RUNNING_HERE
    }

    /** Writes a kind's own row of a new job, in the job's transaction. */
    public interface Detail<T> {
        T write(Connection connection, long jobId) throws SQLException;
    }

    /** A new job and what its kind wrote with it. */
    public record Created<T>(Job job, T detail) {
    }

    private final AgroalDataSource dataSource;
    private final JobLeases leases;
    private final JobWakeUp wakeUp;
    private final JobRunner runner;
    private final Clock clock;

    JobQueue(AgroalDataSource dataSource, JobLeases leases, JobWakeUp wakeUp, JobRunner runner, Clock clock) {
        this.dataSource = dataSource;
        this.leases = leases;
        this.wakeUp = wakeUp;
        this.runner = runner;
        this.clock = clock;
    }

    /** A job of {@code kind} with {@code total} units to do (when known), and its kind's row; outside a transaction. */
    public <T> Created<T> create(String kind, Long total, Hold asked, Detail<T> detail) {
        // An instance that does not take jobs of this kind holds no queued ones: it would never start them.
        Hold hold = asked == Hold.THIS_INSTANCE && !runner.takes(kind) ? Hold.ANYONE : asked;
        Instant now = clock.instant();
        boolean running = hold == Hold.RUNNING_HERE;
        String owner = hold == Hold.ANYONE ? null : leases.owner();
        Instant leaseEnd = hold == Hold.ANYONE ? null : leases.leaseEnd();
        Created<T> created = leases.inTransaction(c -> {
            long id = Rows.list(c, "INSERT INTO job (kind, state, run_after, attempts, total, lease_owner, lease_until,"
                    + " created_at, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    rs -> rs.getLong(1), kind, running ? "RUNNING" : "QUEUED", now, running ? 1 : 0, total, owner,
                    leaseEnd, now, running ? now : null, now).get(0);
            return new Created<>(new Job(id, kind, null, JSON.createObjectNode(), running ? 1 : 0, false),
                    detail.write(c, id));
        });
        if (hold != Hold.ANYONE) {
            leases.hold(created.job().id());
        }
        if (!running) {
            wakeUp.now();
        }
        return created;
    }

    /**
     * Queues a job of {@code kind} per key, with its payload, unless one of that key is queued already; in the
     * caller's transaction when there is one, so that the jobs commit with what made them necessary. Keys are
     * inserted in order, so that two transactions queueing overlapping keys do not deadlock. How many were queued.
     */
    public int enqueueAll(String kind, SortedMap<String, Map<String, Object>> payloads) {
        if (payloads.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        String[] keys = payloads.keySet().toArray(String[]::new);
        String[] json = payloads.values().stream().map(JobQueue::json).toArray(String[]::new);
        int queued;
        // Inside a transaction the pool hands out the transaction's own connection.
        try (Connection c = dataSource.getConnection()) {
            queued = Rows.update(c, "INSERT INTO job (kind, dedupe_key, payload, state, run_after, created_at,"
                    + " updated_at) SELECT ?, k, CAST(p AS jsonb), 'QUEUED', ?, ?, ? FROM unnest(?, ?) WITH ORDINALITY"
                    + " AS t(k, p, n) ORDER BY n ON CONFLICT (kind, dedupe_key) WHERE state = 'QUEUED' DO NOTHING",
                    kind, now, now, now, keys, json);
        } catch (SQLException e) {
            throw new IllegalStateException("job: queueing " + kind + " jobs failed: " + e.getMessage(), e);
        }
        if (queued > 0) {
            wakeUp.afterCommit();
        }
        return queued;
    }

    /**
     * Queues a job of {@code kind} and {@code key} unless one is queued or running, or one was created at or after
     * {@code createdSince} (null: ever so recently): one at a time across every instance, e.g. a sweep that each
     * instance's timer asks for. The new job's id, if one was queued.
     */
    public Optional<Long> enqueueUnlessActive(String kind, String key, Map<String, Object> payload,
            Instant createdSince) {
        Instant now = clock.instant();
        Instant since = createdSince == null ? now.plusSeconds(1) : createdSince;
        Optional<Long> id = leases.inTransaction(c -> {
            Rows.list(c, "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> 0, kind + ":" + key);
            return Rows.list(c, "INSERT INTO job (kind, dedupe_key, payload, state, run_after, created_at, updated_at)"
                    + " SELECT ?, ?, CAST(? AS jsonb), 'QUEUED', ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM job"
                    + " WHERE kind = ? AND dedupe_key = ? AND (state IN ('QUEUED', 'RUNNING') OR created_at >= ?))"
                    + " ON CONFLICT DO NOTHING RETURNING id", rs -> rs.getLong(1), kind, key, json(payload), now, now,
                    now, kind, key, since).stream().findFirst();
        });
        id.ifPresent(x -> wakeUp.now());
        return id;
    }

    private static String json(Map<String, Object> payload) {
        JsonNode node = JSON.valueToTree(payload);
        return node.toString();
    }
}
