package dev.covenant.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Appends from many transactions at once still make one line: every entry links to the one before it. */
@QuarkusTest
class LedgerAppendRaceTest {

    private static final int THREADS = 6;
    private static final int APPENDS_EACH = 5;

    @Inject
    Ledger ledger;

    @Inject
    LedgerVerifier verifier;

    @Test
    void concurrentAppendsGetConsecutiveSequenceNumbersAndAnUnbrokenChain() throws Exception {
        long before = QuarkusTransaction.requiringNew().call(() -> LedgerEntry.findLatest().map(e -> e.seq))
                .orElse(0L);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Long>>> appended = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                appended.add(pool.submit(() -> {
                    start.await();
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < APPENDS_EACH; i++) {
                        var event = JsonNodeFactory.instance.objectNode().put("thread", thread).put("i", i);
                        seqs.add(QuarkusTransaction.requiringNew()
                                .call(() -> ledger.append("test.append-race", event).seq));
                    }
                    return seqs;
                }));
            }
            List<Long> seqs = new ArrayList<>();
            for (Future<List<Long>> f : appended) {
                seqs.addAll(f.get());
            }
            seqs.sort(null);
            assertEquals(LongStream.rangeClosed(before + 1, before + THREADS * APPENDS_EACH).boxed().toList(), seqs);
        } finally {
            pool.shutdownNow();
        }
        LedgerVerifier.Verification verification = verifier.verify();
        assertNull(verification.firstBroken(), () -> "the chain breaks: " + verification.firstBroken());
        assertEquals(before + THREADS * APPENDS_EACH, verification.entries());
    }
}
