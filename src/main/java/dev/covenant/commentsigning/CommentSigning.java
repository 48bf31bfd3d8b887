package dev.covenant.commentsigning;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateInstance;
import org.jboss.logging.Logger;

import dev.covenant.CovenantConfig;
import dev.covenant.checks.CommentListener;
import dev.covenant.checks.Contributor;
import dev.covenant.checks.ContributorsOf;
import dev.covenant.checks.PullRequestComment;
import dev.covenant.coverage.CoverageService;
import dev.covenant.coverage.CoverageSubject;
import dev.covenant.coverage.ProjectTerms;
import dev.covenant.github.CheckPublisher;
import dev.covenant.github.PullRequestHead;
import dev.covenant.github.PullRequestReader;
import dev.covenant.identity.People;
import dev.covenant.signing.Origin;
import dev.covenant.signing.SigningRequest;
import dev.covenant.signing.SigningService;

/**
 * Signing by comment (CLA Assistant Lite's way), for projects that allow it: a contributor of an open pull request
 * who comments the project's phrase signs the version Covenant's comment showed ({@link VersionToSign}), through
 * signing's one path, with the comment as evidence; the signature's {@code CoverageChanged} then re-evaluates the
 * pull request. Someone whose commits are not in it signs nothing and is told why; a contributor the coverage rule
 * already covers signs nothing either. Safe to repeat: signing returns the signature a person already holds, and a
 * reply is posted once per comment.
 */
@ApplicationScoped
public class CommentSigning implements CommentListener {

    private static final Logger LOG = Logger.getLogger(CommentSigning.class);

    private final CoverageService coverage;
    private final PullRequestReader reader;
    private final CheckPublisher publisher;
    private final SigningService signing;
    private final People people;
    private final CovenantConfig config;

    CommentSigning(CoverageService coverage, PullRequestReader reader, CheckPublisher publisher,
            SigningService signing, People people, CovenantConfig config) {
        this.coverage = coverage;
        this.reader = reader;
        this.publisher = publisher;
        this.signing = signing;
        this.people = people;
        this.config = config;
    }

    @Override
    public void commented(PullRequestComment comment) {
        Optional<ProjectTerms> project = coverage.terms(comment.repository());
        if (project.isEmpty() || !SignPhrase.signs(comment.body(), project.get().signByCommentPhrase())) {
            return;
        }
        ProjectTerms terms = project.get();
        String subject = comment.repository() + "#" + comment.number();
        Optional<PullRequestHead> pr = reader.pullRequest(comment.installationId(), comment.repository(),
                comment.number());
        if (pr.isEmpty() || !pr.get().open()) {
            LOG.infof("%s - a signing comment by %s on a pull request that is not open signs nothing", subject,
                    comment.authorLogin());
            return;
        }
        List<Contributor> contributors = ContributorsOf.pullRequest(reader.commits(pr.get()), terms.checkCommitters());
        Optional<Contributor> commenter = contributors.stream().filter(c -> isCommenter(c, comment)).findFirst();
        if (commenter.isEmpty()) {
            reply(comment, CommentReplies.commentNotAContributor(CommentReplies.marker(comment.id()),
                    comment.authorLogin(), terms.agreementTitle(), signUrl(terms, comment.repository())));
            return;
        }
        Contributor c = commenter.get();
        if (coverage.coverage(terms, comment.repository(),
                List.of(new CoverageSubject(c.githubId(), c.login(), c.emails())), null).get(0).coverage().covered()) {
            // The phrase again, or from someone the check does not ask: there is nothing to sign.
            LOG.infof("%s - %s commented the signing phrase but is covered already", subject, comment.authorLogin());
            return;
        }
        Optional<String> shown = publisher
                .lastAppComment(comment.installationId(), comment.repository(), comment.number(),
                        SignPhrase.markerStart())
                .flatMap(SignPhrase::shownSha256);
        Optional<VersionToSign> version = VersionToSign.of(terms, shown);
        if (version.isEmpty()) {
            LOG.warnf("%s - %s commented the signing phrase, but %s has no version to sign", subject,
                    comment.authorLogin(), terms.agreementSlug());
            return;
        }
        if (version.get().asksForm()) {
            reply(comment, CommentReplies.commentFormRequired(CommentReplies.marker(comment.id()),
                    comment.authorLogin(), terms.agreementTitle(), version.get().version(),
                    signUrl(terms, comment.repository())));
            return;
        }
        var evidence = new Origin.Comment(comment.id(), comment.url(), comment.repository(), comment.number());
        QuarkusTransaction.requiringNew().run(() -> {
            people.knowAll(Map.of(comment.authorId(), comment.authorLogin() == null ? "" : comment.authorLogin()));
            signing.signAll(List.of(new SigningRequest(comment.authorId(), version.get().id(), Map.of(),
                    Origin.of(evidence))));
        });
        LOG.infof("%s - %s signed %s %s by comment %d", subject, comment.authorLogin(), terms.agreementSlug(),
                version.get().version(), comment.id());
    }

    /** The check's own resolution: an account GitHub linked to the commits, by its id, else its login. */
    private static boolean isCommenter(Contributor c, PullRequestComment comment) {
        if (c.kind() != Contributor.Kind.ACCOUNT) {
            return false;
        }
        return c.githubId() != null
                ? c.githubId() == comment.authorId()
                : comment.authorLogin() != null && comment.authorLogin().equalsIgnoreCase(c.login());
    }

    private void reply(PullRequestComment comment, TemplateInstance text) {
        String marker = CommentReplies.marker(comment.id());
        if (publisher.findComment(comment.installationId(), comment.repository(), comment.number(), marker)
                .isPresent()) {
            return;
        }
        publisher.comment(comment.installationId(), comment.repository(), comment.number(), text.render());
        LOG.infof("%s#%d - %s's signing comment %d signed nothing; told them why", comment.repository(),
                comment.number(), comment.authorLogin(), comment.id());
    }

    private String signUrl(ProjectTerms terms, String repository) {
        return config.publicUrl().replaceAll("/+$", "") + "/agreements/" + terms.agreementSlug() + "?repo="
                + URLEncoder.encode(repository, StandardCharsets.UTF_8);
    }
}
