package dev.covenant.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.api.Sha256;

/** Instances starting together each register the configured admin token: exactly one row, and no one fails. */
@QuarkusTest
class TokenBootstrapRaceTest {

    private static final int STARTS = 8;

    @Inject
    ApiTokens tokens;

    @Test
    void concurrentBootstrapsOfOneTokenStoreItOnceAndAllSucceed() throws Exception {
        String token = "race-" + UUID.randomUUID();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(STARTS);
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (int i = 0; i < STARTS; i++) {
                starts.add(pool.submit(() -> {
                    go.await();
                    tokens.bootstrap(Optional.of(token));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> start : starts) {
                start.get(); // a unique-key violation here is the start-up crash of a rolling deploy
            }
            assertEquals("1", Sql.text("SELECT count(*) FROM api_token WHERE token_hash = ?", Sha256.hex(token)));
        } finally {
            pool.shutdownNow();
            Sql.update("DELETE FROM api_token WHERE token_hash = ?", Sha256.hex(token));
        }
    }
}
