package dev.covenant.relicensing.blame;

/**
 * Writes a blame job's progress (files done, skipped, lines, files per second) to its row, at most twice a second
 * whatever the pace, so that a repository of many small files does not spend its time reporting.
 */
final class BlameProgress implements RevisionBlame.Listener {

    private static final long INTERVAL_NANOS = 500_000_000L;

    private final BlameJobs jobs;
    private final long jobId;
    private final long started = System.nanoTime();
    private long lastWrite = started;

    BlameProgress(BlameJobs jobs, long jobId) {
        this.jobs = jobs;
        this.jobId = jobId;
    }

    @Override
    public void file(long done, long skipped, long lines) {
        long now = System.nanoTime();
        if (now - lastWrite < INTERVAL_NANOS) {
            return;
        }
        lastWrite = now;
        jobs.progress(jobId, done, skipped, lines, done / ((now - started) / 1e9));
    }
}
