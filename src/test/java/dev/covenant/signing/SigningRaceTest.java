package dev.covenant.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
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
import dev.covenant.identity.Person;
import dev.covenant.identity.Profile;

/** Two requests signing the same version for the same person at once end in one signature, returned to both. */
@QuarkusTest
class SigningRaceTest {

    private static final int REQUESTS = 4;

    @Inject
    People people;

    @Inject
    SigningService signing;

    @Test
    void concurrentSigningRequestsOfOnePersonMakeOneSignature() throws Exception {
        long githubId = 9_300_000 + System.nanoTime() % 100_000;
        Person signer = QuarkusTransaction.requiringNew().call(() -> people.remember(new Profile(githubId,
                "racer-" + githubId, "Racer", List.of(new Profile.Email("racer-" + githubId + "@example.org",
                        true, true)))));
        CyclicBarrier start = new CyclicBarrier(REQUESTS);
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        List<Future<UUID>> signed = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                signed.add(pool.submit(() -> {
                    start.await();
                    return QuarkusTransaction.requiringNew().call(() -> signing.sign(signer, latestIndividual(),
                            Map.of("name", "Racer"), new Origin("127.0.0.1", "race")).id);
                }));
            }
            List<UUID> ids = new ArrayList<>();
            for (Future<UUID> f : signed) {
                ids.add(f.get());
            }
            assertEquals(1, ids.stream().distinct().count(), () -> "signatures returned: " + ids);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("1", Sql.text("SELECT count(*) FROM signature WHERE github_id = ?", githubId));
    }

    private static AgreementVersion latestIndividual() {
        return AgreementVersion.findLatest(Agreement.findBySlug("individual").orElseThrow()).orElseThrow();
    }
}
