package dev.covenant.jobs;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

import dev.covenant.jdbc.Rows;

/**
 * The {@code covenant.jobs} gauge: jobs by kind and state, counted by one query for all of them, at most once a
 * second however many gauges a scrape reads.
 */
@ApplicationScoped
public class JobMetrics {

    private static final long FRESH_MILLIS = 1000;

    private final JobLeases leases;
    private final JobRunner runner;
    private final MeterRegistry metrics;
    private final Clock clock;
    private Map<String, Long> counts = Map.of();
    private long countedAt;

    JobMetrics(JobLeases leases, JobRunner runner, MeterRegistry metrics, Clock clock) {
        this.leases = leases;
        this.runner = runner;
        this.metrics = metrics;
        this.clock = clock;
    }

    void register(@Observes StartupEvent event) {
        for (String kind : runner.kinds()) {
            for (JobStatus.State state : JobStatus.State.values()) {
                Gauge.builder("covenant.jobs", () -> count(kind, state.name())).tag("kind", kind)
                        .tag("state", state.name()).description("Jobs by kind and state").register(metrics);
            }
        }
    }

    /** Jobs of {@code kind} in {@code state}. */
    public synchronized long count(String kind, String state) {
        long now = clock.millis();
        if (now - countedAt > FRESH_MILLIS) {
            counts = leases.inAutocommit(c -> {
                Map<String, Long> all = new HashMap<>();
                Rows.list(c, "SELECT kind, state, count(*) FROM job GROUP BY kind, state",
                        rs -> all.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3)));
                return all;
            });
            countedAt = now;
        }
        return counts.getOrDefault(kind + "/" + state, 0L);
    }
}
