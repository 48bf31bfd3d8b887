package dev.covenant.relicensing.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;

import dev.covenant.github.PullRequestMerged;
import dev.covenant.github.PullRequestMerged.MergedCommit;
import dev.covenant.identity.CoAuthors;
import dev.covenant.identity.CoAuthors.CoAuthor;
import dev.covenant.jdbc.Rows;
import dev.covenant.project.Project;

/**
 * Records the commits of a merged pull request as contributions, in the delivery's transaction (the data source
 * hands out the transaction's own connection), marked with the pull request and its merge time, and adds them to the
 * addresses' sums ({@link ContributionSums}). A commit the repository already holds is left as it is, co-authors
 * included; the next history import supersedes these rows ({@link ContributionLoader}).
 */
@ApplicationScoped
public class PullRequestContributions {

    private static final Logger LOG = Logger.getLogger(PullRequestContributions.class);

    private final AgroalDataSource dataSource;

    PullRequestContributions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onMerged(@Observes PullRequestMerged merged) {
        if (Project.findGoverning(merged.repository()).isEmpty()) {
            return;
        }
        String repository = merged.repository().toLowerCase(Locale.ROOT);
        Commits commits = Commits.of(merged.commits());
        try (Connection c = dataSource.getConnection()) {
            ContributionSums.lock(c, repository);
            long added = ContributionSums.insertCommits(c, "INSERT INTO contribution (repository, sha, author_name,"
                    + " author_email, authored_at, committer_email, merge, lines_added, lines_deleted, files,"
                    + " pull_request, merged_at) SELECT ?, sha, name, email, authored_at, committer_email, false, added,"
                    + " deleted, files, ?, ? FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[],"
                    + " ?::bigint[], ?::bigint[], ?::int[]) AS t(sha, name, email, authored_at, committer_email, added,"
                    + " deleted, files) ON CONFLICT DO NOTHING", repository, merged.number(), merged.mergedAt(),
                    Rows.texts(commits.shas), Rows.texts(commits.names), Rows.texts(commits.emails),
                    Rows.texts(commits.dates), Rows.texts(commits.committers), Rows.longs(commits.added),
                    Rows.longs(commits.deleted), new Rows.Array("int4", commits.files));
            // Only to this pull request's own rows: a commit the history holds keeps the co-authors it has there.
            ContributionSums.insertCoAuthors(c, "INSERT INTO contribution_coauthor (repository, sha, name, email,"
                    + " authored_at, lines_added, pull_request) SELECT c.repository, c.sha, t.name, t.email,"
                    + " c.authored_at, c.lines_added, c.pull_request FROM unnest(?::text[], ?::text[], ?::text[])"
                    + " AS t(sha, name, email) JOIN contribution c ON c.repository = ? AND c.sha = t.sha"
                    + " AND c.pull_request = ? ON CONFLICT DO NOTHING", Rows.texts(commits.coAuthorShas),
                    Rows.texts(commits.coAuthorNames), Rows.texts(commits.coAuthorEmails), repository,
                    merged.number());
            LOG.infof("%s#%d - merged: %d of its %d commits recorded as contributions", repository, merged.number(),
                    added, merged.commits().size());
        } catch (SQLException e) {
            throw new IllegalStateException(repository + "#" + merged.number() + " - recording the merged commits"
                    + " failed: " + e.getMessage(), e);
        }
    }

    /** The commits, and their co-authors, as columns: one statement inserts them all. */
    private static final class Commits {
        final List<String> shas = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<String> emails = new ArrayList<>();
        final List<String> dates = new ArrayList<>();
        final List<String> committers = new ArrayList<>();
        final List<Long> added = new ArrayList<>();
        final List<Long> deleted = new ArrayList<>();
        final List<Integer> files = new ArrayList<>();
        final List<String> coAuthorShas = new ArrayList<>();
        final List<String> coAuthorNames = new ArrayList<>();
        final List<String> coAuthorEmails = new ArrayList<>();

        static Commits of(List<MergedCommit> merged) {
            Commits commits = new Commits();
            for (MergedCommit commit : merged) {
                String sha = commit.sha().toLowerCase(Locale.ROOT);
                String author = lower(commit.authorEmail());
                commits.shas.add(sha);
                commits.names.add(commit.authorName());
                commits.emails.add(author);
                commits.dates.add(commit.authoredAt().toString());
                commits.committers.add(lower(commit.committerEmail()));
                commits.added.add(commit.linesAdded());
                commits.deleted.add(commit.linesDeleted());
                commits.files.add(commit.files());
                for (CoAuthor coAuthor : CoAuthors.parse(commit.message())) {
                    if (!coAuthor.email().equals(author)) {
                        commits.coAuthorShas.add(sha);
                        commits.coAuthorNames.add(coAuthor.name());
                        commits.coAuthorEmails.add(coAuthor.email());
                    }
                }
            }
            return commits;
        }

        private static String lower(String email) {
            return email.toLowerCase(Locale.ROOT);
        }
    }
}
