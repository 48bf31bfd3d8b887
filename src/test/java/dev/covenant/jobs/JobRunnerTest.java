package dev.covenant.jobs;

import static dev.covenant.inbox.DeliveryWorkerTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;

/** The runner against the real database, with a scripted kind ({@link ScriptedJob}) and one nobody runs. */
@QuarkusTest
class JobRunnerTest {

    @Inject
    JobQueue queue;

    @Inject
    JobRunner runner;

    @Inject
    JobLeases leases;

    @Inject
    JobMetrics metrics;

    @Inject
    JobRetention retention;

    @Inject
    ScriptedJob scripted;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void forgetIdleJobs() throws SQLException {
        Sql.update("DELETE FROM job WHERE kind = ?", IdleJob.KIND);
    }

    /** Queues a scripted job and returns its id. */
    private long scripted(String payload) throws SQLException {
        String key = UUID.randomUUID().toString();
        assertEquals(1, queue.enqueueAll(ScriptedJob.KIND, new TreeMap<>(Map.of(key, json(payload)))));
        return Long.parseLong(Sql.text("SELECT id FROM job WHERE kind = ? AND dedupe_key = ?", ScriptedJob.KIND, key));
    }

    private static Map<String, Object> json(String payload) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = new com.fasterxml.jackson.databind.ObjectMapper().readValue(payload, Map.class);
            return map;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A job as an instance that has stopped left it: RUNNING, its lease run out. */
    private static long abandoned(String kind, int attempts) throws SQLException {
        return Long.parseLong(Sql.text("INSERT INTO job (kind, state, run_after, attempts, lease_owner, lease_until,"
                + " phase, created_at, started_at, updated_at) VALUES (?, 'RUNNING', now(), ?, 'an instance that stopped',"
                + " now() - interval '1 second', 'WORKING', now(), now(), now()) RETURNING id", kind, attempts));
    }

    private static String column(String column, long id) {
        return Sql.textUnchecked("SELECT " + column + "::text FROM job WHERE id = ?", id);
    }

    private static void awaitState(long id, String state) {
        await("job " + id + " " + state, () -> state.equals(column("state", id)));
    }

    @Test
    void aJobThatAsksToBeRetriedRunsAgainUntilItIsDone() throws SQLException {
        long id = scripted("{\"failTimes\": 2, \"how\": \"retry\"}");
        awaitState(id, "DONE");
        assertEquals("3", column("attempts", id));
        assertEquals(null, column("error", id), "a retry's reason goes once the job is done");
        assertEquals("10", column("done", id));
        assertEquals("10", column("total", id));
        assertEquals(Boolean.FALSE, scripted.finished().get(id));
    }

    @Test
    void retriesAreBoundedThenTheJobFailsWithItsReason() throws SQLException {
        long id = scripted("{\"failTimes\": 10, \"how\": \"retry\"}");
        awaitState(id, "FAILED");
        assertEquals("3", column("attempts", id), "covenant.jobs.max-attempts in the tests");
        assertEquals("gave up after 3 attempts: scripted: scripted 502 from GitHub", column("error", id));
        assertEquals(null, column("lease_until", id));
        assertTrue(column("finished_at", id) != null);
    }

    @Test
    void anyOtherFaultFailsTheJobAtOnceWithItsKindsReason() throws SQLException {
        long id = scripted("{\"failTimes\": 1, \"how\": \"fatal\"}");
        awaitState(id, "FAILED");
        assertEquals("1", column("attempts", id));
        assertEquals("scripted: scripted fatal failure", column("error", id));
    }

    @Test
    void aJobWhoseLeaseRanOutIsTakenOverAndFinishes() throws SQLException {
        long id = abandoned(ScriptedJob.KIND, 1);
        Sql.text("SELECT pg_notify('covenant_jobs', '')::text");
        awaitState(id, "DONE");
        assertEquals("2", column("attempts", id));
        assertEquals(leases.owner(), column("lease_owner", id), "this instance took it over");
        assertEquals(Boolean.TRUE, scripted.finished().get(id), "the kind was told it resumes the job");
    }

    @Test
    void aJobWhoseInstanceKeepsStoppingFailsRatherThanRunningForEver() throws SQLException {
        long id = abandoned(ScriptedJob.KIND, 3);
        awaitState(id, "FAILED");
        assertEquals("the service stopped 3 times while it ran this job; it is not tried again", column("error", id));
        assertFalse(scripted.finished().containsKey(id));
    }

    @Test
    void theLeaseIsRenewedWhileTheJobRuns() throws SQLException, InterruptedException {
        long id = scripted("{\"sleepMillis\": 2500}");
        awaitState(id, "RUNNING");
        Instant first = Instant.parse(Sql.text("SELECT to_json(lease_until)#>>'{}' FROM job WHERE id = ?", id));
        Thread.sleep(1500);
        Instant later = Instant.parse(Sql.text("SELECT to_json(lease_until)#>>'{}' FROM job WHERE id = ?", id));
        assertTrue(later.isAfter(first.plus(500, ChronoUnit.MILLIS)), first + " then " + later);
        assertEquals("WORKING", column("phase", id));
        awaitState(id, "DONE");
    }

    @Test
    void aBurstQueuesOneWaitingJobPerKey() throws SQLException {
        String run = UUID.randomUUID().toString();
        assertEquals(2, queue.enqueueAll(IdleJob.KIND, new TreeMap<>(Map.of(run + "a", Map.of("n", 1), run + "b",
                Map.of("n", 2)))));
        assertEquals(1, queue.enqueueAll(IdleJob.KIND, new TreeMap<>(Map.of(run + "b", Map.of("n", 3), run + "c",
                Map.of("n", 4)))));
        assertEquals("3", Sql.text("SELECT count(*) FROM job WHERE kind = ? AND starts_with(dedupe_key, ?)",
                IdleJob.KIND, run));
        assertEquals("2", Sql.text("SELECT payload ->> 'n' FROM job WHERE dedupe_key = ?", run + "b"),
                "the first one queued stays");
    }

    @Test
    void aSingleJobIsQueuedOnceAcrossCallersAndAtMostOncePerInterval() throws SQLException {
        String key = UUID.randomUUID().toString();
        long first = queue.enqueueUnlessActive(IdleJob.KIND, key, Map.of(), null).orElseThrow();
        assertTrue(queue.enqueueUnlessActive(IdleJob.KIND, key, Map.of(), null).isEmpty(), "one is queued");
        Sql.update("UPDATE job SET state = 'RUNNING', lease_owner = 'elsewhere', lease_until = now() + interval"
                + " '1 minute' WHERE id = ?", first);
        assertTrue(queue.enqueueUnlessActive(IdleJob.KIND, key, Map.of(), null).isEmpty(), "one is running");
        Sql.update("UPDATE job SET state = 'DONE', lease_until = NULL, finished_at = now() WHERE id = ?", first);
        Instant aMinuteAgo = Instant.now().minus(1, ChronoUnit.MINUTES);
        assertTrue(queue.enqueueUnlessActive(IdleJob.KIND, key, Map.of(), aMinuteAgo).isEmpty(),
                "a timer's request finds the last one recent enough");
        long second = queue.enqueueUnlessActive(IdleJob.KIND, key, Map.of("cause", "api"), null).orElseThrow();
        assertEquals("api", Sql.text("SELECT payload ->> 'cause' FROM job WHERE id = ?", second));
    }

    @Test
    void concurrentClaimsNeverTakeTheSameJob() throws Exception {
        String run = UUID.randomUUID().toString();
        TreeMap<String, Map<String, Object>> jobs = new TreeMap<>();
        for (int i = 0; i < 20; i++) {
            jobs.put(run + i, Map.of());
        }
        queue.enqueueAll(IdleJob.KIND, jobs);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<List<Job>>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claims.add(threads.submit(() -> leases.claim(IdleJob.KIND, 3)));
        }
        List<Long> claimed = new ArrayList<>();
        for (Future<List<Job>> claim : claims) {
            claim.get().forEach(job -> claimed.add(job.id()));
        }
        threads.shutdown();
        claimed.forEach(leases::letGo);
        Set<Long> distinct = new HashSet<>(claimed);
        assertEquals(claimed.size(), distinct.size(), "no job claimed twice: " + claimed);
        assertEquals(20, claimed.size(), "8 claims of 3 take the 20 there are");
        assertEquals("20", Sql.text("SELECT count(*) FROM job WHERE kind = ? AND starts_with(dedupe_key, ?)"
                + " AND state = 'RUNNING' AND lease_owner = ? AND attempts = 1", IdleJob.KIND, run, leases.owner()));
    }

    @Test
    void aJobRunHereIsDoneWhenTheCallReturns() throws SQLException {
        JobQueue.Created<String> created = queue.create(ScriptedJob.KIND, 10L, JobQueue.Hold.RUNNING_HERE,
                (c, id) -> "written with job " + id);
        assertEquals("written with job " + created.job().id(), created.detail());
        runner.runHere(created.job());
        long id = created.job().id();
        assertEquals("DONE", column("state", id));
        assertEquals("5", column("rate", id));
        assertEquals("1", column("attempts", id));
    }

    @Test
    void theGaugeCountsJobsByKindAndState() throws SQLException, InterruptedException {
        long id = scripted("{}");
        awaitState(id, "DONE");
        Thread.sleep(1100);
        String expected = Sql.text("SELECT count(*) FROM job WHERE kind = ? AND state = 'DONE'", ScriptedJob.KIND);
        assertEquals(Long.parseLong(expected), metrics.count(ScriptedJob.KIND, "DONE"));
        assertEquals(Double.parseDouble(expected), registry.get("covenant.jobs").tag("kind", ScriptedJob.KIND)
                .tag("state", "DONE").gauge().value());
    }

    @Test
    void finishedJobsAreDeletedAfterTheRetentionUnlessTheirKindKeepsThem() throws SQLException {
        String insert = "INSERT INTO job (kind, state, run_after, created_at, updated_at, finished_at) VALUES (?, 'DONE',"
                + " now(), now(), now(), now() - interval '40 days') RETURNING id";
        long old = Long.parseLong(Sql.text(insert, ScriptedJob.KIND));
        long kept = Long.parseLong(Sql.text(insert, "import"));
        assertTrue(retention.deleteFinishedBefore(Instant.now().minus(30, ChronoUnit.DAYS)) >= 1);
        assertEquals(null, column("state", old));
        assertEquals("DONE", column("state", kept), "a history import's job stays with its import");
        Sql.update("DELETE FROM job WHERE id = ?", kept);
    }
}
