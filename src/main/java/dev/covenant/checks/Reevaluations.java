package dev.covenant.checks;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.covenant.identity.PersonEmail;
import dev.covenant.inbox.DeliveryQueue;
import dev.covenant.signing.CoverageChanged;

/**
 * Queues a re-evaluation of every open pull request a coverage change can affect, in the transaction that made the
 * change: a signature, a revocation or an approval-list change is never recorded without its re-evaluations, and
 * the NOTIFY that wakes the workers goes out when both commit. A person's change reaches the pull requests they
 * contributed to (by account or by any address they verified); a company's change reaches every open one.
 */
@ApplicationScoped
public class Reevaluations {

    private static final Logger LOG = Logger.getLogger(Reevaluations.class);

    private final EntityManager em;
    private final DeliveryQueue queue;
    private final Clock clock;

    Reevaluations(EntityManager em, DeliveryQueue queue, Clock clock) {
        this.em = em;
        this.queue = queue;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onCoverageChanged(@Observes CoverageChanged change) {
        int queued;
        if (change.githubId() == 0) {
            queued = enqueue("state = 'OPEN'", List.of(), 0, change.cause());
        } else {
            List<String> emails = PersonEmail.verifiedOf(change.githubId());
            queued = enqueue("state = 'OPEN' AND EXISTS (SELECT 1 FROM pull_request_contributor c "
                    + "WHERE c.repository = p.repository AND c.number = p.number "
                    + "AND (c.github_id = ?3 OR c.email = ANY (CAST(?4 AS text[]))))", emails, change.githubId(),
                    change.cause());
        }
        if (queued > 0) {
            LOG.infof("%s of GitHub user %d: %d open pull request(s) to evaluate again", change.cause(),
                    change.githubId(), queued);
            queue.wake("reevaluate");
        }
    }

    /** Queues one pull request, e.g. for the sweep. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueue(String repository, int number, String cause) {
        int queued = em.createNativeQuery(insert("p.repository = ?3 AND p.number = ?4"))
                .setParameter(1, cause).setParameter(2, Timestamp.from(clock.instant()))
                .setParameter(3, repository).setParameter(4, number).executeUpdate();
        if (queued > 0) {
            queue.wake("reevaluate");
        }
        return queued;
    }

    private int enqueue(String where, List<String> emails, long githubId, String cause) {
        var query = em.createNativeQuery(insert(where)).setParameter(1, cause).setParameter(2,
                Timestamp.from(clock.instant()));
        if (githubId != 0) {
            query.setParameter(3, githubId).setParameter(4, emails.toArray(String[]::new));
        }
        return query.executeUpdate();
    }

    /** One PENDING delivery per matching pull request; ?1 is the cause, ?2 the moment. */
    private static String insert(String where) {
        return "INSERT INTO delivery (delivery_id, event, action, installation_id, repository, payload, received_at, "
                + "state, attempts, next_attempt_at) "
                + "SELECT 'covenant-' || gen_random_uuid(), '" + ReevaluateHandler.EVENT + "', ?1, p.installation_id, "
                + "p.repository, convert_to(json_build_object('repository', p.repository, 'number', p.number, "
                + "'cause', CAST(?1 AS text))::text, 'UTF8'), ?2, 'PENDING', 0, ?2 FROM pull_request p WHERE " + where;
    }
}
