package dev.covenant.jobs;

/**
 * One kind of long work, as it hands itself to the {@link JobRunner}: its name in the {@code job} table, how many of
 * it one instance runs at once, how to run one, and how to record a failure in its own terms (the line of a
 * malformed {@code git log}, the request field at fault). Every instance's runner takes every kind it knows.
 */
public interface JobKind {

    /** The kind's name in the {@code job} table. */
    String name();

    /** How many jobs of this kind one instance runs at once, unless {@code covenant.jobs.workers.<name>} says. */
    int workers();

    /**
     * Does the work, from the beginning even when the job is {@link Job#resumed resumed}. Throw {@link RetryLater} for
     * a fault that may pass; anything else fails the job through {@link #fail}.
     */
    void run(RunningJob job);

    /** Logs and records why the job failed, in the kind's own terms; returns the reason the job keeps. */
    String fail(RunningJob job, RuntimeException error);

    /**
     * Whether finished jobs of this kind are kept (their kind's table points at them and an API lists them), rather
     * than deleted after {@code covenant.jobs.retention}.
     */
    default boolean keepFinished() {
        return false;
    }
}
