package dev.covenant.relicensing.report;

import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.covenant.api.Page;
import dev.covenant.api.Paging;
import dev.covenant.coverage.Grant;
import dev.covenant.identity.Identity;

/** The records the relicensing decision takes and gives: facts in, a verdict per contributor out. */
public final class ReportModel {

    private ReportModel() {
    }

    /**
     * Contributions of one address within one stretch of time in which no fact changes (no license change, no
     * signing, revocation or approval date falls inside it): they all get the same answer. {@code commits} counts
     * the commits credited to the address (authored or co-authored) and {@code linesAdded} their lines;
     * {@code authored} and {@code authoredLines} those it authored. {@code written}, when not null, is the address
     * these commits were written under before the {@code .mailmap} mapped it to {@code email}: the segments of a
     * contributor whom a company approves by address or domain are split by it, since the approval covers only what
     * was written under that address.
     */
    public record Segment(String email, int bucket, long commits, long authored, long linesAdded, long authoredLines,
            Instant first, Instant last, String written) {

        public Segment(String email, int bucket, long commits, long authored, long linesAdded, long authoredLines,
                Instant first, Instant last) {
            this(email, bucket, commits, authored, linesAdded, authoredLines, first, last, null);
        }
    }

    /** One contributor: who they are, every address of theirs in the history, and every grant that may cover them. */
    public record ContributorFacts(Identity identity, List<String> emails, List<Grant> grants, List<Segment> segments) {
    }

    /** The grant behind a decision, as the report shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GrantView(String kind, String id, String agreement, String version, String company, String policy,
            String description) {

        static GrantView of(Grant grant) {
            return grant == null
                    ? null
                    : new GrantView(grant.kind().name(), grant.id(), grant.agreement(),
                            grant.version(), grant.company(), grant.outbound().policy().name(), grant.describe());
        }
    }

    /** A stretch of a contributor's contributions with one answer; {@code license} is the project's license then. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Period(Instant from, Instant to, long commits, long linesAdded, RelicensingStatus status,
            GrantView grant, String reason, String license) {
    }

    /**
     * The answer for one contributor over all their contributions. {@code name} is the name git gives them in their
     * newest contribution (of the whole history, whatever the report's cutoff); it is looked up only for the rows
     * that are shown ({@link RelicensingReports#named}), so it is null until then.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContributorReport(String contributor, Long githubId, String login, List<String> emails,
            Identity.Source identifiedBy, RelicensingStatus status, GrantView grant, String reason, long commits,
            long authoredCommits, long coAuthoredCommits, long linesAdded, long commitsCleared, long linesCleared,
            Instant firstContribution, Instant lastContribution, List<String> mustKeepOffering, List<Period> periods,
            String name) {

        public ContributorReport(String contributor, Long githubId, String login, List<String> emails,
                Identity.Source identifiedBy, RelicensingStatus status, GrantView grant, String reason, long commits,
                long authoredCommits, long coAuthoredCommits, long linesAdded, long commitsCleared, long linesCleared,
                Instant firstContribution, Instant lastContribution, List<String> mustKeepOffering,
                List<Period> periods) {
            this(contributor, githubId, login, emails, identifiedBy, status, grant, reason, commits, authoredCommits,
                    coAuthoredCommits, linesAdded, commitsCleared, linesCleared, firstContribution, lastContribution,
                    mustKeepOffering, periods, null);
        }

        ContributorReport named(String gitName) {
            return new ContributorReport(contributor, githubId, login, emails, identifiedBy, status, grant, reason,
                    commits, authoredCommits, coAuthoredCommits, linesAdded, commitsCleared, linesCleared,
                    firstContribution, lastContribution, mustKeepOffering, periods, gitName);
        }
    }

    /** The decision's output: every contributor, and the segments that block (for counting cleared commits). */
    public record Decided(List<ContributorReport> contributors, List<Segment> blocked) {
    }

    /** Shares cleared: people, commits (a commit is cleared when everyone credited with it is) and lines added. */
    public record ReportTotals(long people, long peopleCleared, long commits, long commitsCleared, long linesAdded,
            long linesCleared, double peopleShare, double commitsShare, double linesShare) {

        static ReportTotals of(long people, long peopleCleared, long commits, long commitsCleared, long lines,
                long linesCleared) {
            return new ReportTotals(people, peopleCleared, commits, commitsCleared, lines, linesCleared,
                    share(peopleCleared, people), share(commitsCleared, commits), share(linesCleared, lines));
        }

        private static double share(long part, long whole) {
            return whole == 0 ? 1.0 : Math.round(part * 10000.0 / whole) / 10000.0;
        }
    }

    /**
     * The whole report; through the API {@code contributors} may be one page of them ({@code page} then says which),
     * while the totals always count everyone.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(String repository, String target, Instant at, String atCommit, ReportTotals totals,
            List<ContributorReport> contributors, Page page) {

        public Report(String repository, String target, Instant at, String atCommit, ReportTotals totals,
                List<ContributorReport> contributors) {
            this(repository, target, at, atCommit, totals, contributors, null);
        }

        /** This page of the report; {@code link} gives the address of the page at an offset. */
        public Report page(Paging paging, IntFunction<String> link) {
            return new Report(repository, target, at, atCommit, totals, paging.slice(contributors),
                    paging.page(contributors.size(), link));
        }
    }
}
