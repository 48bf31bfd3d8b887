package dev.covenant.checks;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;

import dev.covenant.github.GitHubAppConfig;
import dev.covenant.github.Payloads;
import dev.covenant.github.PullRequestHead;
import dev.covenant.github.PullRequestReader;

/**
 * {@code check_run} rerequested ("Re-run" on GitHub) for Covenant's check: evaluate again now. The pull request
 * comes from the check run's {@code external_id}, since check runs of pull requests from forks arrive without
 * {@code pull_requests}; a merge group's check names its base there.
 */
@ApplicationScoped
public class CheckRunHandler extends GitHubFaults {

    private static final Logger LOG = Logger.getLogger(CheckRunHandler.class);

    private final PullRequestReader reader;
    private final PullRequestTracker tracker;
    private final PullRequestCheck pullRequests;
    private final MergeGroupCheck mergeGroups;
    private final ChecksConfig config;
    private final GitHubAppConfig app;
    private final Clock clock;

    CheckRunHandler(PullRequestReader reader, PullRequestTracker tracker, PullRequestCheck pullRequests,
            MergeGroupCheck mergeGroups, ChecksConfig config, GitHubAppConfig app, Clock clock) {
        this.reader = reader;
        this.tracker = tracker;
        this.pullRequests = pullRequests;
        this.mergeGroups = mergeGroups;
        this.config = config;
        this.app = app;
        this.clock = clock;
    }

    @Override
    public Set<String> events() {
        return Set.of("check_run");
    }

    @Override
    protected void act(String deliveryId, String event, String action, JsonNode payload) {
        JsonNode run = payload.path("check_run");
        String appId = run.path("app").path("id").asText("");
        if (!config.name().equals(run.path("name").asText()) || !app.appId().map(appId::equals).orElse(true)) {
            return;
        }
        long installation = Payloads.installationId(payload);
        String repository = Payloads.repository(payload);
        String headSha = Payloads.sha(run, "head_sha");
        String externalId = run.path("external_id").asText("");
        Instant since = clock.instant();
        Optional<String> mergeGroupBase = CheckRunIds.mergeGroupOf(externalId);
        if (mergeGroupBase.isPresent()) {
            mergeGroups.evaluate(new MergeGroupCheck.MergeGroup(installation, repository, mergeGroupBase.get(),
                    headSha, null));
            return;
        }
        Optional<Integer> number = number(externalId, run);
        if (number.isEmpty()) {
            LOG.warnf("%s - check run %s names no pull request; nothing to re-run", repository,
                    run.path("id").asText());
            return;
        }
        Optional<PullRequestHead> pr = reader.pullRequest(installation, repository, number.get());
        if (pr.isEmpty()) {
            LOG.warnf("%s#%d - a re-run was asked for, but GitHub does not know the pull request", repository,
                    number.get());
            return;
        }
        tracker.record(pr.get());
        pullRequests.evaluate(repository, number.get(), since);
    }

    private static Optional<Integer> number(String externalId, JsonNode run) {
        Optional<Integer> named = CheckRunIds.pullRequestOf(externalId);
        if (named.isPresent()) {
            return named;
        }
        JsonNode first = run.path("pull_requests").path(0).path("number");
        return first.canConvertToInt() ? Optional.of(first.asInt()) : Optional.empty();
    }
}
