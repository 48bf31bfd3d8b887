package dev.covenant.inbox;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;

@QuarkusTest
public class DeliveryWorkerTest {

    @Inject
    ScriptedHandler handler;

    @Inject
    DeliveryWorker worker;

    @Inject
    InboxPressure pressure;

    static String insert(String payload) throws SQLException {
        String id = UUID.randomUUID().toString();
        Sql.update(
                "INSERT INTO delivery (delivery_id, event, action, payload, received_at, state, attempts, next_attempt_at) "
                        + "VALUES (?, ?, NULL, ?, now(), 'PENDING', 0, now())",
                id, ScriptedHandler.EVENT, payload.getBytes(StandardCharsets.UTF_8));
        Sql.text("SELECT pg_notify('covenant_deliveries', ?)::text", id);
        return id;
    }

    static String state(String id) throws SQLException {
        return Sql.text("SELECT state FROM delivery WHERE delivery_id = ?", id);
    }

    public static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static BooleanSupplier stateIs(String id, String expected) {
        return () -> expected.equals(Sql.textUnchecked("SELECT state FROM delivery WHERE delivery_id = ?", id));
    }

    @Test
    void whileWebhooksPourInTheWorkerGivesWayThenCatchesUp() throws SQLException {
        // A burst far above the 200 per second at which the worker starts pausing (PT0.5S before each delivery).
        for (int i = 0; i < 1_000; i++) {
            pressure.stored(System.currentTimeMillis());
        }
        long started = System.nanoTime();
        String id = insert("{\"failTimes\": 0}");
        await("the delivery, once the burst is over", stateIs(id, "DONE"));
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(waited >= 500, "the worker took the delivery " + waited + " ms into the burst, without pausing");
    }

    @Test
    void anInstallationDeliveryIsProcessedWithoutBeingAsked() throws SQLException {
        String id = UUID.randomUUID().toString();
        long installation = 900_000 + (System.nanoTime() % 100_000);
        String json = "{\"action\":\"created\",\"installation\":{\"id\":" + installation
                + ",\"account\":{\"login\":\"acme\"}},"
                + "\"repositories\":[{\"id\":11,\"full_name\":\"acme/widget\"},{\"id\":12,\"full_name\":\"acme/gadget\"}]}";
        WebhookEndpointTest.signed(id, "installation", json).post("/github/webhook").then().statusCode(202);
        await("the installation delivery", stateIs(id, "DONE"));
        assertEquals("2",
                Sql.text("SELECT count(*) FROM installation_repository WHERE installation_id = ?", installation));

        String removed = UUID.randomUUID().toString();
        WebhookEndpointTest.signed(removed, "installation_repositories",
                "{\"action\":\"removed\",\"installation\":{\"id\":" + installation
                        + "},\"repositories_added\":[],\"repositories_removed\":[{\"id\":12,\"full_name\":\"acme/gadget\"}]}")
                .post("/github/webhook").then().statusCode(202);
        await("the removal", stateIs(removed, "DONE"));
        assertEquals("acme/widget",
                Sql.text("SELECT string_agg(full_name, ',') FROM installation_repository WHERE installation_id = ?",
                        installation));
    }

    @Test
    void retryableFaultsAreRetriedUntilTheyPass() throws SQLException {
        String id = insert("{\"failTimes\": 2}");
        await("the retried delivery", stateIs(id, "DONE"));
        assertEquals("3", Sql.text("SELECT attempts FROM delivery WHERE delivery_id = ?", id));
        assertEquals(1, handler.completed().stream().filter(id::equals).count());
    }

    @Test
    void afterTheLastAttemptADeliveryIsDeadAndCanBeRedriven() throws SQLException {
        String id = insert("{\"failTimes\": 4}");
        await("the dead delivery", stateIs(id, "DEAD"));
        assertThat(Sql.text("SELECT last_error FROM delivery WHERE delivery_id = ?", id),
                org.hamcrest.Matchers.containsString("scripted 502"));
        dev.covenant.Api.admin().queryParam("state", "DEAD").get("/api/deliveries").then().statusCode(200)
                .body("deliveryId", org.hamcrest.Matchers.hasItem(id));
        // The fourth attempt (after the re-drive) passes.
        dev.covenant.Api.admin().post("/api/deliveries/" + id + "/redrive").then().statusCode(200);
        await("the re-driven delivery", stateIs(id, "DONE"));
    }

    @Test
    void aFaultThatCannotPassFailsAtOnce() throws SQLException {
        String id = insert("{\"failTimes\": 1, \"kind\": \"fatal\"}");
        await("the failed delivery", stateIs(id, "FAILED"));
        assertEquals("1", Sql.text("SELECT attempts FROM delivery WHERE delivery_id = ?", id));
    }

    @Test
    void aDeliveryWhoseWorkerDiedIsTakenUpWhenItsLeaseRunsOut() throws SQLException {
        String id = UUID.randomUUID().toString();
        Sql.update(
                "INSERT INTO delivery (delivery_id, event, payload, received_at, state, attempts, next_attempt_at, lease_until) "
                        + "VALUES (?, ?, ?, now(), 'PROCESSING', 1, now(), now() - interval '1 second')",
                id, ScriptedHandler.EVENT, "{}".getBytes(StandardCharsets.UTF_8));
        await("the abandoned delivery", stateIs(id, "DONE"));
        assertEquals("2", Sql.text("SELECT attempts FROM delivery WHERE delivery_id = ?", id));
    }

    @Test
    void competingWorkersProcessEachDeliveryOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(insert("{}"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> drains = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            drains.add(pool.submit(worker::drain));
        }
        for (Future<Integer> drain : drains) {
            drain.get();
        }
        pool.shutdown();
        for (String id : ids) {
            await("delivery " + id, stateIs(id, "DONE"));
        }
        List<String> ours = handler.completed().stream().filter(ids::contains).toList();
        assertEquals(200, ours.size(), "each delivery handled exactly once");
        assertEquals(200, new HashSet<>(ours).size());
    }
}
