package dev.covenant.checks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;

import dev.covenant.jdbc.Rows;
import dev.covenant.jobs.JobQueue;
import dev.covenant.signing.CoverageChanged;

/**
 * Queues a re-evaluation job ({@link ReevaluateJob}) of every open pull request a coverage change can affect, in the
 * transaction that made the change: a signature, a revocation or an approval-list change is never recorded without
 * its re-evaluations, and the runners are woken when both commit. A person's change reaches the pull requests they
 * contributed to (by account or by any address they verified); a company's change reaches every open one. A pull
 * request has at most one re-evaluation waiting, however many changes come in a burst.
 */
@ApplicationScoped
public class Reevaluations {

    private static final Logger LOG = Logger.getLogger(Reevaluations.class);

    private final AgroalDataSource dataSource;
    private final JobQueue queue;

    Reevaluations(AgroalDataSource dataSource, JobQueue queue) {
        this.dataSource = dataSource;
        this.queue = queue;
    }

    /** A pull request to evaluate again. */
    record Target(String repository, int number) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onCoverageChanged(@Observes CoverageChanged change) {
        List<Target> affected;
        if (change.everyone()) {
            affected = open("", List.of());
        } else if (change.people().isEmpty()) {
            return;
        } else {
            // One array for any number of people (an import names a hundred thousand): their verified addresses
            // are looked up in the same statement.
            affected = open(" AND EXISTS (SELECT 1 FROM pull_request_contributor c WHERE c.repository = p.repository"
                    + " AND c.number = p.number AND (c.github_id = ANY(?) OR c.email IN (SELECT e.email FROM"
                    + " person_email e WHERE e.verified AND e.github_id = ANY(?))))",
                    List.of(
                            Rows.longs(change.people()), Rows.longs(change.people())));
        }
        int queued = enqueue(affected, change.cause());
        if (!affected.isEmpty()) {
            LOG.infof("%s of %s: %d open pull request(s) to evaluate again (%d already waiting)", change.cause(),
                    change.everyone() ? "anyone" : people(change.people()), affected.size(),
                    affected.size() - queued);
        }
    }

    /** The people for a log line: named when they are few, counted when an import brought thousands. */
    private static String people(Set<Long> people) {
        return people.size() <= 20 ? "GitHub user(s) " + people : people.size() + " GitHub users";
    }

    /** Queues one pull request, e.g. for the sweep; in the caller's transaction if there is one. How many queued. */
    public int enqueue(String repository, int number, String cause) {
        return enqueue(List.of(new Target(repository, number)), cause);
    }

    private int enqueue(List<Target> targets, String cause) {
        SortedMap<String, Map<String, Object>> jobs = new TreeMap<>();
        for (Target t : targets) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("repository", t.repository());
            payload.put("number", t.number());
            payload.put("cause", cause);
            jobs.put(ReevaluateJob.key(t.repository(), t.number()), payload);
        }
        return queue.enqueueAll(ReevaluateJob.KIND, jobs);
    }

    /** The open pull requests that also match {@code condition}; on the transaction's own connection. */
    private List<Target> open(String condition, List<Object> args) {
        List<Target> targets = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Rows.query(c, "SELECT p.repository, p.number FROM pull_request p WHERE p.state = 'OPEN'" + condition,
                    rs -> targets.add(new Target(rs.getString(1), rs.getInt(2))), args.toArray());
        } catch (SQLException e) {
            throw new IllegalStateException("finding the pull requests to evaluate again failed: " + e.getMessage(), e);
        }
        return targets;
    }
}
