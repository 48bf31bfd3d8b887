package dev.covenant.jobs;

import jakarta.enterprise.context.ApplicationScoped;

/** A test-only kind no instance runs (no workers), so that its jobs stay queued for the tests to look at. */
@ApplicationScoped
public class IdleJob implements JobKind {

    static final String KIND = "test-idle";

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public int workers() {
        return 0;
    }

    @Override
    public void run(RunningJob job) {
        throw new IllegalStateException("idle jobs are never run by the runner");
    }

    @Override
    public String fail(RunningJob job, RuntimeException error) {
        return error.getMessage();
    }
}
