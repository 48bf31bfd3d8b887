package dev.covenant.relicensing.history;

import java.util.function.LongSupplier;

import dev.covenant.jobs.RunningJob;

/**
 * Writes an import's progress (commits read, bytes read, commits per second) to its job and its row, at most twice
 * a second whatever the pace, so that a fast import does not spend its time reporting.
 */
final class ImportProgress implements ContributionLoader.Listener {

    private static final long INTERVAL_NANOS = 500_000_000L;

    private final HistoryImports imports;
    private final RunningJob job;
    private final long importId;
    private final LongSupplier bytesRead;
    private long started;
    private long lastWrite;

    ImportProgress(HistoryImports imports, RunningJob job, long importId, LongSupplier bytesRead) {
        this.imports = imports;
        this.job = job;
        this.importId = importId;
        this.bytesRead = bytesRead;
    }

    /** The clock for the rate starts when the commits start coming. */
    void start() {
        started = System.nanoTime();
        lastWrite = started;
    }

    @Override
    public void merging() {
        job.phase("MERGING");
    }

    @Override
    public void read(long commitsRead) {
        long now = System.nanoTime();
        if (now - lastWrite < INTERVAL_NANOS) {
            return;
        }
        lastWrite = now;
        job.progress(commitsRead, null, commitsRead / ((now - started) / 1e9));
        imports.bytesRead(importId, bytesRead.getAsLong());
    }
}
