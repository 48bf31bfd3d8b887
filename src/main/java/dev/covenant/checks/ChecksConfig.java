package dev.covenant.checks;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How pull-request checks show up on GitHub, and how often missed ones are looked for. */
@ConfigMapping(prefix = "covenant.checks")
public interface ChecksConfig {

    /** The check run's name; make it a required check in the branch's protection rules. */
    @WithDefault("CLA")
    String name();

    /** A pull-request comment consisting of this line asks for a fresh evaluation. */
    @WithDefault("/cla recheck")
    String recheckPhrase();

    /** Whether to keep one comment on each pull request that failed, edited in place as things change. */
    @WithDefault("true")
    boolean comment();

    /** Whether to set a commit status too, for repositories whose protection rules require statuses. */
    @WithDefault("false")
    boolean commitStatus();

    /** The commit status's context, when {@link #commitStatus()} is on. */
    @WithDefault("covenant/cla")
    String statusContext();

    /** Whether the periodic sweep for missed pull requests runs on this instance. */
    @WithDefault("true")
    boolean reconcile();

    /** How often the sweep looks for open pull requests whose head has no current result (e.g. {@code 15m}). */
    @WithDefault("15m")
    Duration reconcileInterval();

    /**
     * How long after start the first sweep is asked for, whatever the last one found: what was missed while the
     * service was down is looked for at once.
     */
    @WithDefault("1m")
    Duration reconcileFirstDelay();

    /**
     * How long an evaluation's hold on its pull request lasts unless renewed (it is, every third of this, while the
     * evaluation runs); after a crash the pull request is free again this much later.
     */
    @WithDefault("30s")
    Duration evaluationLease();

    /** How long an evaluation waits for another one of the same pull request before it is retried later. */
    @WithDefault("30s")
    Duration evaluationWait();

    /** The share of an installation's remaining API rate limit one sweep may spend (0 to 1). */
    @WithDefault("0.2")
    double reconcileRateShare();
}
