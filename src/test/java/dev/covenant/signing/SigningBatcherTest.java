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
import dev.covenant.checks.SqlCounter;
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

    @Inject
    SigningService signing;

    @Test
    void aBurstOfSignaturesIsRecordedOnceEachAndABadOneFailsAlone() throws Exception {
        long first = 9_400_000 + (System.nanoTime() % 1_000) * 100;
        long version = remember(first, PEOPLE);
        long ledgerBefore = Long.parseLong(Sql.text("SELECT count(*) FROM ledger_entry"));
        // Every person but the last two once, the first ten twice.
        int people = PEOPLE - 2;
        List<SigningRequest> burst = new ArrayList<>();
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

    @Test
    void aBatchCostsTheSameStatementsWhateverItsSize() throws Exception {
        long first = 9_500_000 + (System.nanoTime() % 1_000) * 100;
        long version = remember(first, 60);
        // One already signed: a batch returns that signature, and a person twice in a batch gets one signature.
        UUID earlier = QuarkusTransaction.requiringNew()
                .call(() -> signing.signAll(List.of(request(first, version))).get(0).id);
        long small = statementsToSign(first, 6, version);
        long large = statementsToSign(first + 6, 54, version);
        assertEquals(small, large, "statements for a batch of 6 and one of 54");

        List<UUID> again = QuarkusTransaction.requiringNew().call(() -> signing
                .signAll(List.of(request(first, version), request(first + 1, version), request(first + 1, version)))
                .stream().map(s -> s.id).toList());
        assertEquals(earlier, again.get(0), "an active signature is returned, not signed again");
        assertEquals(again.get(1), again.get(2), "one person twice in a batch: one signature");
        assertEquals("60", Sql.text("SELECT count(*) FROM signature WHERE github_id BETWEEN ? AND ?", first,
                first + 59));
        assertEquals("60", Sql.text("SELECT count(*) FROM ledger_entry e WHERE e.kind = 'signature.signed'"
                + " AND (e.event::jsonb ->> 'githubId')::bigint BETWEEN ? AND ?", first, first + 59));
        assertTrue(verifier.verify().intact(), "the ledger verifies, each entry with its row's hash");
    }

    /** Signs for {@code count} people from {@code first} (the first already signed) in one batch, on a thread of its own. */
    private long statementsToSign(long first, int count, long version) throws Exception {
        String thread = "sign-all-" + first;
        List<SigningRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(request(first + i, version));
        }
        long before = SqlCounter.count(thread);
        ExecutorService one = Executors.newSingleThreadExecutor(r -> new Thread(r, thread));
        try {
            one.submit(() -> QuarkusTransaction.requiringNew().run(() -> signing.signAll(batch))).get();
        } finally {
            one.shutdown();
        }
        return SqlCounter.count(thread) - before;
    }

    private long remember(long first, int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            for (int i = 0; i < count; i++) {
                long id = first + i;
                people.remember(new Profile(id, "burst-" + id, "Burst " + i,
                        List.of(new Profile.Email("burst-" + id + "@example.org", true, true))));
            }
            return AgreementVersion.findLatest(Agreement.findBySlug("individual").orElseThrow()).orElseThrow().id;
        });
    }

    private static SigningRequest request(long githubId, long versionId) {
        return new SigningRequest(githubId, versionId, Map.of("name", "Burst"),
                new Origin("127.0.0.1", "burst"));
    }

    /** Submits every request from a thread of its own, all released at once. */
    private List<Future<UUID>> submitTogether(List<SigningRequest> requests) {
        CyclicBarrier start = new CyclicBarrier(requests.size());
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<UUID>> futures = new ArrayList<>();
            for (SigningRequest r : requests) {
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
