package dev.covenant.relicensing.history;

import java.sql.Timestamp;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import dev.covenant.github.PullRequestMerged;
import dev.covenant.github.PullRequestMerged.MergedCommit;
import dev.covenant.identity.CoAuthors;
import dev.covenant.identity.CoAuthors.CoAuthor;
import dev.covenant.project.Project;

/**
 * Records the commits of a merged pull request as contributions, in the delivery's transaction, marked with the
 * pull request and its merge time. A commit the repository's history already holds is left as the history has
 * it; the next history import supersedes these rows ({@link ContributionLoader}).
 */
@ApplicationScoped
public class PullRequestContributions {

    private static final Logger LOG = Logger.getLogger(PullRequestContributions.class);

    private final EntityManager em;

    PullRequestContributions(EntityManager em) {
        this.em = em;
    }

    void onMerged(@Observes PullRequestMerged merged) {
        if (Project.findGoverning(merged.repository()).isEmpty()) {
            return;
        }
        String repository = merged.repository().toLowerCase(Locale.ROOT);
        int added = 0;
        // Taken before writing, as a history import does (contribution_lock in V10), so the two never race.
        em.createNativeQuery("SELECT contribution_lock(ARRAY[?1])").setParameter(1, repository).getSingleResult();
        for (MergedCommit commit : merged.commits()) {
            String sha = commit.sha().toLowerCase(Locale.ROOT);
            String author = lower(commit.authorEmail());
            added += em.createNativeQuery("INSERT INTO contribution (repository, sha, author_name, author_email,"
                    + " authored_at, committer_email, merge, lines_added, lines_deleted, files, pull_request, merged_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, false, ?7, ?8, ?9, ?10, ?11) ON CONFLICT DO NOTHING")
                    .setParameter(1, repository).setParameter(2, sha)
                    .setParameter(3, commit.authorName()).setParameter(4, author)
                    .setParameter(5, Timestamp.from(commit.authoredAt()))
                    .setParameter(6, lower(commit.committerEmail()))
                    .setParameter(7, commit.linesAdded()).setParameter(8, commit.linesDeleted())
                    .setParameter(9, commit.files()).setParameter(10, merged.number())
                    .setParameter(11, Timestamp.from(merged.mergedAt())).executeUpdate();
            for (CoAuthor coAuthor : CoAuthors.parse(commit.message())) {
                if (!coAuthor.email().equals(author)) {
                    em.createNativeQuery("INSERT INTO contribution_coauthor (repository, sha, name, email, authored_at,"
                            + " lines_added, pull_request) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING")
                            .setParameter(1, repository).setParameter(2, sha)
                            .setParameter(3, coAuthor.name()).setParameter(4, coAuthor.email())
                            .setParameter(5, Timestamp.from(commit.authoredAt())).setParameter(6, commit.linesAdded())
                            .setParameter(7, merged.number()).executeUpdate();
                }
            }
        }
        LOG.infof("%s#%d - merged: %d of its %d commits recorded as contributions", repository, merged.number(), added,
                merged.commits().size());
    }

    private static String lower(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
