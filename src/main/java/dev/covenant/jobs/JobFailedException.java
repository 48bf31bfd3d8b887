package dev.covenant.jobs;

/** A job its caller ran and waited for ({@link JobRunner#runHere}) failed; the cause says why. */
public final class JobFailedException extends RuntimeException {

    private final long jobId;
    private final String reason;

    JobFailedException(long jobId, String reason, RuntimeException cause) {
        super(reason, cause);
        this.jobId = jobId;
        this.reason = reason;
    }

    public long jobId() {
        return jobId;
    }

    /** What the job recorded as its error. */
    public String reason() {
        return reason;
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
