package dev.covenant.relicensing.blame;

import dev.covenant.jobs.RunningJob;

/**
 * Writes a blame's progress (files done, skipped, lines, files per second) to its job and its row, at most twice a
 * second whatever the pace, so that a repository of many small files does not spend its time reporting.
 */
final class BlameProgress implements RevisionBlame.Listener {

    private static final long INTERVAL_NANOS = 500_000_000L;

    private final BlameJobs jobs;
    private final RunningJob job;
    private final long blameId;
    private final long started = System.nanoTime();
    private long lastWrite = started;

    BlameProgress(BlameJobs jobs, RunningJob job, long blameId) {
        this.jobs = jobs;
        this.job = job;
        this.blameId = blameId;
    }

    @Override
    public void file(long done, long skipped, long lines) {
        long now = System.nanoTime();
        if (now - lastWrite < INTERVAL_NANOS) {
            return;
        }
        lastWrite = now;
        job.progress(done, null, done / ((now - started) / 1e9));
        jobs.progress(blameId, skipped, lines);
    }
}
