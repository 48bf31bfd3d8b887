package dev.covenant.relicensing.history;

import java.util.function.LongSupplier;

/**
 * Writes an import's progress (commits read, bytes read, commits per second) to its row, at most twice a second
 * whatever the pace, so that a fast import does not spend its time reporting.
 */
final class ImportProgress implements ContributionLoader.Listener {

    private static final long INTERVAL_NANOS = 500_000_000L;

    private final HistoryImports imports;
    private final long jobId;
    private final LongSupplier bytesRead;
    private long started;
    private long lastWrite;

    ImportProgress(HistoryImports imports, long jobId, LongSupplier bytesRead) {
        this.imports = imports;
        this.jobId = jobId;
        this.bytesRead = bytesRead;
    }

    /** The clock for the rate starts when the commits start coming. */
    void start() {
        started = System.nanoTime();
        lastWrite = started;
    }

    @Override
    public void merging() {
        imports.phase(jobId, "MERGING", null);
    }

    @Override
    public void read(long commitsRead) {
        long now = System.nanoTime();
        if (now - lastWrite < INTERVAL_NANOS) {
            return;
        }
        lastWrite = now;
        imports.progress(jobId, commitsRead, bytesRead.getAsLong(), commitsRead / ((now - started) / 1e9));
    }
}
