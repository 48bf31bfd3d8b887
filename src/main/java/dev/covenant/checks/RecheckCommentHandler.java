package dev.covenant.checks;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;

import dev.covenant.github.Payloads;
import dev.covenant.github.PullRequestReader;

/**
 * {@code issue_comment} created on a pull request with a line that is exactly the recheck phrase ({@code /cla
 * recheck} by default): evaluate the pull request's head again now. Any other comment goes to the
 * {@link CommentListener}s (signing by comment). Comments by bots, Covenant's own included (it quotes the phrases),
 * are ignored.
 */
@ApplicationScoped
public class RecheckCommentHandler extends GitHubFaults {

    private static final Logger LOG = Logger.getLogger(RecheckCommentHandler.class);

    private final PullRequestReader reader;
    private final PullRequestTracker tracker;
    private final PullRequestCheck check;
    private final ChecksConfig config;
    private final Clock clock;
    private final Instance<CommentListener> listeners;

    RecheckCommentHandler(PullRequestReader reader, PullRequestTracker tracker, PullRequestCheck check,
            ChecksConfig config, Clock clock, Instance<CommentListener> listeners) {
        this.listeners = listeners;
        this.reader = reader;
        this.tracker = tracker;
        this.check = check;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Set<String> events() {
        return Set.of("issue_comment");
    }

    @Override
    protected void act(String deliveryId, String event, String action, JsonNode payload) {
        JsonNode issue = payload.path("issue");
        JsonNode comment = payload.path("comment");
        if (!issue.path("pull_request").isObject()
                || "Bot".equals(comment.path("user").path("type").asText())) {
            return;
        }
        long installation = Payloads.installationId(payload);
        String repository = Payloads.repository(payload);
        int number = issue.path("number").asInt();
        if (!asksForRecheck(comment.path("body").asText(""), config.recheckPhrase())) {
            if (!"created".equals(action)) {
                return;
            }
            var heard = new PullRequestComment(deliveryId, installation, repository, number,
                    comment.path("id").asLong(), comment.path("html_url").asText(null), comment.path("body").asText(""),
                    comment.path("user").path("id").asLong(), comment.path("user").path("login").asText(null));
            listeners.forEach(l -> l.commented(heard));
            return;
        }
        var since = clock.instant();
        var pr = reader.pullRequest(installation, repository, number);
        if (pr.isEmpty()) {
            LOG.warnf("%s#%d - a recheck was asked for, but GitHub does not know the pull request", repository, number);
            return;
        }
        tracker.record(pr.get());
        check.evaluate(repository, number, since);
    }

    static boolean asksForRecheck(String body, String phrase) {
        String wanted = phrase.strip().toLowerCase(Locale.ROOT);
        return body.lines().map(l -> l.strip().toLowerCase(Locale.ROOT)).anyMatch(wanted::equals);
    }
}
