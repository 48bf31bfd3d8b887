package dev.covenant.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.agreement.Agreement;
import dev.covenant.agreement.AgreementVersion;
import dev.covenant.identity.People;
import dev.covenant.identity.Profile;
import dev.covenant.ledger.LedgerVerifier;

/**
 * Signatures submitted at the same moment are recorded together (one transaction, one ledger lock), each once, each
 * with its own ledger entry in a chain that verifies; a person who submits twice gets one signature; a request that
 * cannot be recorded fails alone, and the others of its batch are recorded.
 */
@QuarkusTest
class SigningBatcherTest {

    private static final int PEOPLE = 40;

    @Inject
    People people;

    @Inject
    SigningBatcher batcher;

    @Inject
    LedgerVerifier verifier;

    @Test
    void aBurstOfSignaturesIsRecordedOnceEachAndABadOneFailsAlone() throws Exception {
        long first = 9_400_000 + (System.nanoTime() % 1_000) * 100;
        long version = QuarkusTransaction.requiringNew().call(() -> {
            for (int i = 0; i < PEOPLE; i++) {
                long id = first + i;
                people.remember(new Profile(id, "burst-" + id, "Burst " + i,
                        List.of(new Profile.Email("burst-" + id + "@example.org", true, true))));
            }
            return AgreementVersion.findLatest(Agreement.findBySlug("individual").orElseThrow()).orElseThrow().id;
        });
        long ledgerBefore = Long.parseLong(Sql.text("SELECT count(*) FROM ledger_entry"));
        // Every person but the last two once, the first ten twice.
        int people = PEOPLE - 2;
        List<SigningBatcher.Request> burst = new ArrayList<>();
        for (int i = 0; i < people + 10; i++) {
            burst.add(request(first + (i < people ? i : i - people), version));
        }
        List<Future<UUID>> signed = submitTogether(burst);
        List<UUID> ids = new ArrayList<>();
        for (Future<UUID> f : signed) {
            ids.add(f.get());
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(ids.get(i), ids.get(people + i), "the second submission of a person, the same receipt");
        }
        assertEquals(people, ids.stream().distinct().count());
        // Entries written by one transaction share its id (xmin): fewer transactions than signatures is batching.
        long transactions = Long.parseLong(Sql.text("SELECT count(DISTINCT xmin::text) FROM ledger_entry e WHERE"
                + " e.kind = 'signature.signed' AND e.seq > ? AND (e.event::jsonb ->> 'githubId')::bigint BETWEEN ? AND ?",
                ledgerBefore, first, first + PEOPLE - 1));
        assertTrue(transactions < people, transactions + " transactions for " + people + " signatures");

        // A request that cannot be recorded (its version does not exist) among two good ones: it alone fails.
        List<Future<UUID>> mixed = submitTogether(List.of(request(first + PEOPLE - 2, version),
                request(first + 1, -1), request(first + PEOPLE - 1, version)));
        ExecutionException bad = assertThrows(ExecutionException.class, () -> mixed.get(1).get());
        assertTrue(bad.getCause().getMessage().contains("no agreement version"), bad.getCause().toString());
        mixed.get(0).get();
        mixed.get(2).get();
        assertEquals(String.valueOf(PEOPLE), Sql.text("SELECT count(*) FROM signature WHERE github_id BETWEEN ? AND ?",
                first, first + PEOPLE - 1));
        assertEquals(String.valueOf(PEOPLE), Sql.text("SELECT count(*) FROM ledger_entry e WHERE e.kind ="
                + " 'signature.signed' AND e.seq > ? AND (e.event::jsonb ->> 'githubId')::bigint BETWEEN ? AND ?",
                ledgerBefore, first, first + PEOPLE - 1));
        assertTrue(verifier.verify().intact(), "the ledger verifies");
    }

    private static SigningBatcher.Request request(long githubId, long versionId) {
        return new SigningBatcher.Request(githubId, versionId, Map.of("name", "Burst"),
                new Origin("127.0.0.1", "burst"));
    }

    /** Submits every request from a thread of its own, all released at once. */
    private List<Future<UUID>> submitTogether(List<SigningBatcher.Request> requests) {
        CyclicBarrier start = new CyclicBarrier(requests.size());
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<UUID>> futures = new ArrayList<>();
            for (SigningBatcher.Request r : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return batcher.sign(r);
                }));
            }
            return futures;
        } finally {
            pool.shutdown();
        }
    }
}
