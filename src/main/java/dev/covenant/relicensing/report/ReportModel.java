package dev.covenant.relicensing.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.covenant.api.Page;
import dev.covenant.api.Paging;
import dev.covenant.coverage.Grant;
import dev.covenant.coverage.GrantProofs;
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
     * was written under that address. {@code trivial}: these commits each add no more than {@code ?trivialLines=}
     * (the segments are split by it only when it is asked).
     */
    public record Segment(String email, int bucket, long commits, long authored, long linesAdded, long authoredLines,
            Instant first, Instant last, String written, boolean trivial) {

        public Segment(String email, int bucket, long commits, long authored, long linesAdded, long authoredLines,
                Instant first, Instant last) {
            this(email, bucket, commits, authored, linesAdded, authoredLines, first, last, null, false);
        }

        public Segment(String email, int bucket, long commits, long authored, long linesAdded, long authoredLines,
                Instant first, Instant last, String written) {
            this(email, bucket, commits, authored, linesAdded, authoredLines, first, last, written, false);
        }
    }

    /** One contributor: who they are, every address of theirs in the history, and every grant that may cover them. */
    public record ContributorFacts(Identity identity, List<String> emails, List<Grant> grants, List<Segment> segments) {
    }

    /**
     * The grant behind a decision, as the report shows it, with its proof: {@code textSha256} of the exact text signed
     * and {@code ledger}, the entry of the signature or corporate agreement; for a company's grant, {@code approval}
     * names the line of its approval list that matched (the criterion, its value and days) with that line's entry.
     * The proof is added once the decision is made ({@link #proven}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GrantView(String kind, String id, String agreement, String version, String company, String policy,
            String description, ApprovalLine approval, String textSha256, GrantProofs.LedgerRef ledger) {

        static GrantView of(Grant grant) {
            return grant == null
                    ? null
                    : new GrantView(grant.kind().name(), grant.id(), grant.agreement(), grant.version(),
                            grant.company(), grant.outbound().policy().name(), grant.describe(),
                            ApprovalLine.of(grant.approval()), null, null);
        }

        GrantView proven(GrantProofs proofs) {
            Optional<GrantProofs.Signed> signed = proofs.of(Grant.Kind.valueOf(kind), id);
            ApprovalLine line = approval == null
                    ? null
                    : approval.entered(
                            proofs.approval(id, approval.criterion(), approval.value(), approval.validFrom())
                                    .orElse(null));
            return new GrantView(kind, id, agreement, version, company, policy, description, line,
                    signed.map(GrantProofs.Signed::textSha256).orElse(null),
                    signed.map(GrantProofs.Signed::ledger).orElse(null));
        }
    }

    /** The line of a company's approval list that covers the contributions, with its ledger entry. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApprovalLine(String criterion, String value, LocalDate validFrom, LocalDate validUntil,
            GrantProofs.LedgerRef ledger) {

        static ApprovalLine of(Grant.Criterion line) {
            return line == null
                    ? null
                    : new ApprovalLine(line.kind().name(), line.value(), line.validFrom(), line.validUntil(), null);
        }

        ApprovalLine entered(GrantProofs.LedgerRef entry) {
            return new ApprovalLine(criterion, value, validFrom, validUntil, entry);
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

        /** The same row with its grants (its own and its periods') proven. */
        ContributorReport proven(GrantProofs proofs) {
            return new ContributorReport(contributor, githubId, login, emails, identifiedBy, status,
                    grant == null ? null : grant.proven(proofs), reason, commits, authoredCommits, coAuthoredCommits,
                    linesAdded, commitsCleared, linesCleared, firstContribution, lastContribution, mustKeepOffering,
                    periods.stream().map(p -> p.grant() == null
                            ? p
                            : new Period(p.from(), p.to(), p.commits(), p.linesAdded(), p.status(),
                                    p.grant().proven(proofs), p.reason(), p.license()))
                            .toList(),
                    name);
        }

        ContributorReport named(String gitName) {
            return new ContributorReport(contributor, githubId, login, emails, identifiedBy, status, grant, reason,
                    commits, authoredCommits, coAuthoredCommits, linesAdded, commitsCleared, linesCleared,
                    firstContribution, lastContribution, mustKeepOffering, periods, gitName);
        }
    }

    /** The decision's output: every contributor, and the segments that block (for counting cleared commits). */
    /** {@code trivial}: the segments judged {@code TRIVIAL} (for counting the commits cleared as such). */
    public record Decided(List<ContributorReport> contributors, List<Segment> blocked, List<Segment> trivial) {

        public Decided(List<ContributorReport> contributors, List<Segment> blocked) {
            this(contributors, blocked, List.of());
        }
    }

    /**
     * A measure (commits, or their lines) split four ways, each commit once, by the furthest from cleared of the
     * people credited with it: cleared by an agreement (or the license, or as trivial), consented, refused (declined,
     * conditional or unreachable), or not answered yet. The first two add up to the cleared total.
     */
    public record Split(long agreement, long consented, long refused, long open) {

        public long total() {
            return agreement + consented + refused + open;
        }
    }

    /** The commits and their lines, each split for a chart ({@link Split}). */
    public record Splits(Split commits, Split lines) {
    }

    /**
     * Shares cleared: people, commits (a commit is cleared when everyone credited with it is) and lines added;
     * {@code split}, only when a chart asked for it, the commits and lines split four ways.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportTotals(long people, long peopleCleared, long commits, long commitsCleared, long linesAdded,
            long linesCleared, double peopleShare, double commitsShare, double linesShare, long mergesLeftOut,
            long commitsTrivial, long linesTrivial, Splits split) {

        public ReportTotals(long people, long peopleCleared, long commits, long commitsCleared, long linesAdded,
                long linesCleared, double peopleShare, double commitsShare, double linesShare, long mergesLeftOut,
                long commitsTrivial, long linesTrivial) {
            this(people, peopleCleared, commits, commitsCleared, linesAdded, linesCleared, peopleShare, commitsShare,
                    linesShare, mergesLeftOut, commitsTrivial, linesTrivial, null);
        }

        public ReportTotals(long people, long peopleCleared, long commits, long commitsCleared, long linesAdded,
                long linesCleared, double peopleShare, double commitsShare, double linesShare) {
            this(people, peopleCleared, commits, commitsCleared, linesAdded, linesCleared, peopleShare, commitsShare,
                    linesShare, 0, 0, 0);
        }

        public ReportTotals withSplit(Splits splits) {
            return new ReportTotals(people, peopleCleared, commits, commitsCleared, linesAdded, linesCleared,
                    peopleShare, commitsShare, linesShare, mergesLeftOut, commitsTrivial, linesTrivial, splits);
        }

        static ReportTotals of(long people, long peopleCleared, long commits, long commitsCleared, long lines,
                long linesCleared) {
            return of(people, peopleCleared, commits, commitsCleared, lines, linesCleared, 0, new long[2]);
        }

        /**
         * {@code mergesLeftOut}: the merges without lines of their own, counted in no other total; {@code trivial}:
         * the commits cleared as {@code TRIVIAL} and their lines (part of the cleared ones).
         */
        static ReportTotals of(long people, long peopleCleared, long commits, long commitsCleared, long lines,
                long linesCleared, long mergesLeftOut, long[] trivial) {
            return new ReportTotals(people, peopleCleared, commits, commitsCleared, lines, linesCleared,
                    share(peopleCleared, people), share(commitsCleared, commits), share(linesCleared, lines),
                    mergesLeftOut, trivial[0], trivial[1]);
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
