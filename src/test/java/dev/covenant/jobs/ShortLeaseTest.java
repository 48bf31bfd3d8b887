package dev.covenant.jobs;

import static dev.covenant.inbox.DeliveryWorkerTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;

/**
 * With a lease of one second, a job that works for five keeps it the whole time: the heartbeat renews it on a thread
 * of its own while the job's thread is busy, so another instance, trying to take it over all along as a claim does,
 * never finds it expired.
 */
@QuarkusTest
@TestProfile(ShortLeaseTest.OneSecondLease.class)
class ShortLeaseTest {

    /** Leases of one second, renewed every 200 ms. */
    public static class OneSecondLease implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("covenant.jobs.lease", "PT1S", "covenant.jobs.heartbeat", "PT0.2S");
        }
    }

    @Inject
    JobQueue queue;

    @Inject
    ScriptedJob scripted;

    @Test
    void aJobRunningForFiveLeasesOnALiveInstanceIsNeverTakenOver() throws SQLException, InterruptedException {
        String key = UUID.randomUUID().toString();
        queue.enqueueAll(ScriptedJob.KIND, new TreeMap<>(Map.of(key, Map.<String, Object>of("sleepMillis", 5000))));
        long id = Long.parseLong(Sql.text("SELECT id FROM job WHERE kind = ? AND dedupe_key = ?", ScriptedJob.KIND,
                key));
        await("job " + id + " to run", () -> "RUNNING".equals(Sql.textUnchecked("SELECT state FROM job WHERE id = ?",
                id)));
        int stolen = 0;
        long started = System.nanoTime();
        while ("RUNNING".equals(Sql.text("SELECT state FROM job WHERE id = ?", id))) {
            // What another instance's claim does with a job whose lease ran out.
            stolen += Sql.update("UPDATE job SET lease_owner = 'another instance' WHERE id = ? AND state = 'RUNNING'"
                    + " AND lease_until < now()", id);
            Thread.sleep(50);
        }
        assertEquals(0, stolen, "taken over while its instance was alive");
        assertEquals("DONE", Sql.text("SELECT state FROM job WHERE id = ?", id));
        assertEquals("1", Sql.text("SELECT attempts::text FROM job WHERE id = ?", id));
        assertEquals(Boolean.FALSE, scripted.finished().get(id), "never resumed");
        long watched = (System.nanoTime() - started) / 1_000_000;
        assertEquals(true, watched > 4000, "watched while it ran, over four leases: " + watched + " ms");
    }
}
