package dev.covenant.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A test-only kind whose payload scripts what happens: {@code {"failTimes": 2, "how": "retry"}} fails twice with a
 * fault that may pass, {@code "how": "fatal"} fails for good, {@code "sleepMillis"} works that long first. It records
 * each run that finished, and whether it was a resumption.
 */
@ApplicationScoped
public class ScriptedJob implements JobKind {

    static final String KIND = "test-scripted";

    private final Map<Long, Integer> failures = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> finished = new ConcurrentHashMap<>();

    /** Through a method: the test holds a client proxy, whose fields are not the bean's. */
    Map<Long, Boolean> finished() {
        return finished;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public int workers() {
        return 2;
    }

    @Override
    public void run(RunningJob job) {
        job.phase("WORKING", 10L);
        long sleep = job.payload().path("sleepMillis").asLong(0);
        if (sleep > 0) {
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        int failed = failures.getOrDefault(job.id(), 0);
        if (failed < job.payload().path("failTimes").asInt(0)) {
            failures.put(job.id(), failed + 1);
            if ("fatal".equals(job.payload().path("how").asText())) {
                throw new IllegalArgumentException("scripted fatal failure");
            }
            throw new RetryLater("scripted 502 from GitHub", null);
        }
        job.progress(10, null, 5.0);
        finished.put(job.id(), job.resumed());
    }

    @Override
    public String fail(RunningJob job, RuntimeException error) {
        return "scripted: " + error.getMessage();
    }
}
