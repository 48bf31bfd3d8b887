package dev.covenant.relicensing.history;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * Leaves nothing of an import behind: at start and every {@code covenant.relicensing.sweep-interval}, deletes the
 * uploads in the database that no queued or running import needs once untouched for
 * {@code covenant.relicensing.abandoned-after}, and the work directories of instances that no longer run. Every
 * instance does it; what one deletes, the others find gone.
 */
@ApplicationScoped
class AbandonedUploads {

    private static final Logger LOG = Logger.getLogger(AbandonedUploads.class);

    private final HistoryUploads uploads;
    private final WorkDir workDir;
    private final RelicensingConfig config;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "covenant-upload-sweep");
        t.setDaemon(true);
        return t;
    });

    AbandonedUploads(HistoryUploads uploads, WorkDir workDir, RelicensingConfig config, Clock clock) {
        this.uploads = uploads;
        this.workDir = workDir;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        long every = config.sweepInterval().toMillis();
        timer.scheduleWithFixedDelay(this::sweep, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }

    /** One sweep; a failure is logged, and the next sweep tries again. */
    void sweep() {
        Instant cutoff = clock.instant().minus(config.abandonedAfter());
        try {
            int deleted = uploads.deleteAbandoned(cutoff);
            if (deleted > 0) {
                LOG.infof("Deleted %d uploaded histories that no import needs, untouched since %s", deleted, cutoff);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not delete abandoned uploads (%s); trying again in %s", e.getMessage(),
                    config.sweepInterval());
        }
        try {
            List<Path> deleted = workDir.deleteLeftOvers(cutoff);
            if (!deleted.isEmpty()) {
                LOG.infof("Deleted what stopped instances left in the work directory %s: %s", workDir.root(),
                        deleted.stream().map(p -> p.getFileName().toString()).toList());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not clean the work directory %s (%s); trying again in %s", workDir.root(), e,
                    config.sweepInterval());
        }
    }
}
