package dev.covenant.relicensing.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.covenant.agreement.LicenseAllows;
import dev.covenant.agreement.OutboundPolicy;
import dev.covenant.agreement.OutboundTerms;
import dev.covenant.agreement.SpdxExpression;
import dev.covenant.agreement.SpdxParseException;
import dev.covenant.agreement.Verdict;
import dev.covenant.coverage.CoverageRules;
import dev.covenant.coverage.Grant;
import dev.covenant.coverage.NotCovered;
import dev.covenant.identity.Identity;
import dev.covenant.project.LicenseHistory;
import dev.covenant.project.ProjectMode;
import dev.covenant.relicensing.report.ReportModel.ContributorFacts;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.Decided;
import dev.covenant.relicensing.report.ReportModel.GrantView;
import dev.covenant.relicensing.report.ReportModel.Period;
import dev.covenant.relicensing.report.ReportModel.Segment;

/**
 * May the project relicense each contributor's contributions under the target? Pure: records in, records out.
 *
 * <p>Each segment of contributions is judged at its first contribution (nothing changes inside a segment). When the
 * license the project had on that day (UTC) already allows the target ({@link LicenseAllows}), it is
 * {@code LICENSE_ALLOWS}, which clears without any grant. Otherwise the grants that {@linkplain Grant#covers cover} that moment are asked, in order, whether their outbound policy allows
 * the target given the license the project had on that day (UTC) by its license history. The first that allows it
 * makes the segment {@code GRANTED}; if every covering grant refuses, {@code FORBIDDEN_BY_AGREEMENT}; with none,
 * {@code NO_AGREEMENT} for a known account or an address a company approves (on other days, or written under
 * another address), and {@code UNKNOWN_IDENTITY} for any other raw address. A row names the grant
 * that cleared it, or for {@code FORBIDDEN_BY_AGREEMENT} the grant that refused. Under
 * {@code ANY_KEEPING_SAME} the license of that day must still be offered ({@code mustKeepOffering}): it is the only
 * policy that promises so. A company's approval of an address or a domain covers only the commits written under
 * that address (before the {@code .mailmap} mapped it), whatever the contributor's other addresses. A contributor is
 * {@code GRANTED} when all their segments clear and a grant cleared one, {@code LICENSE_ALLOWS} when the license
 * cleared them all; otherwise their status is
 * that of the blocked contributions with the most commits. When {@code trivialLines} is asked, a segment of commits
 * that each add at most that many lines, which would otherwise block, is {@code TRIVIAL} and clears; a contributor
 * whose only blocked contributions are such is {@code TRIVIAL}.
 */
public final class RelicensingDecision {

    private static final long SECONDS_PER_DAY = 86_400L;

    private record Judged(RelicensingStatus status, Grant grant, String reason, String license, String keep) {
    }

    private record VerdictKey(OutboundTerms terms, String license) {
    }

    private final SpdxExpression target;
    private final LicenseHistory licenses;
    private final Integer trivialLines;
    private final ProjectMode mode;
    private final List<Segment> trivial = new ArrayList<>();
    private final Map<VerdictKey, Verdict> verdicts = new HashMap<>();
    private final Map<String, SpdxExpression> parsed = new HashMap<>();
    private final Map<String, Boolean> licenseAllows = new HashMap<>();

    private RelicensingDecision(SpdxExpression target, LicenseHistory licenses, Integer trivialLines,
            ProjectMode mode) {
        this.target = target;
        this.licenses = licenses;
        this.trivialLines = trivialLines;
        this.mode = mode;
    }

    public static Decided decide(SpdxExpression target, LicenseHistory licenses, List<ContributorFacts> contributors) {
        return decide(target, licenses, contributors, null);
    }

    /** {@code trivialLines}: null, or the most lines a commit of a segment marked trivial adds. */
    public static Decided decide(SpdxExpression target, LicenseHistory licenses, List<ContributorFacts> contributors,
            Integer trivialLines) {
        return decide(target, licenses, contributors, trivialLines, ProjectMode.CLA);
    }

    /**
     * As above, for a project in {@code mode}: where it takes a DCO sign-off, what no agreement covers is
     * {@code DCO_ONLY} (given under the license of the day) instead of {@code NO_AGREEMENT} or
     * {@code UNKNOWN_IDENTITY}. The imported history keeps no commit messages, so a sign-off itself is not looked for:
     * the project's mode says that a sign-off was what contributions came with.
     */
    public static Decided decide(SpdxExpression target, LicenseHistory licenses, List<ContributorFacts> contributors,
            Integer trivialLines, ProjectMode mode) {
        RelicensingDecision decision = new RelicensingDecision(target, licenses, trivialLines, mode);
        List<ContributorReport> reports = new ArrayList<>(contributors.size());
        // Sized once: growing a list of a hundred thousand reallocates arrays too large for the collector's regions.
        List<Segment> blocked = new ArrayList<>(contributors.size());
        for (ContributorFacts facts : contributors) {
            reports.add(decision.contributor(facts, blocked));
        }
        return new Decided(reports, blocked, List.copyOf(decision.trivial));
    }

    private ContributorReport contributor(ContributorFacts facts, List<Segment> blocked) {
        if (facts.segments().size() == 1) {
            return single(facts, facts.segments().get(0), blocked);
        }
        List<Segment> segments = facts.segments().stream().sorted(Comparator.comparing(Segment::first)).toList();
        List<Period> periods = new ArrayList<>(segments.size());
        Map<RelicensingStatus, Long> blockedCommits = new EnumMap<>(RelicensingStatus.class);
        Map<RelicensingStatus, Judged> firstBlocked = new EnumMap<>(RelicensingStatus.class);
        Set<String> keep = new LinkedHashSet<>();
        Judged lastGranted = null;
        Judged lastCleared = null;
        Judged trivialJudged = null;
        long commits = 0, authored = 0, lines = 0, commitsCleared = 0, linesCleared = 0;
        for (Segment segment : segments) {
            Judged judged = judge(facts, segment);
            commits += segment.commits();
            authored += segment.authored();
            lines += segment.linesAdded();
            if (judged.status().cleared()) {
                commitsCleared += segment.commits();
                linesCleared += segment.linesAdded();
                lastCleared = judged;
                if (judged.status() == RelicensingStatus.TRIVIAL) {
                    trivialJudged = judged;
                }
                if (judged.grant() != null) {
                    lastGranted = judged;
                }
                if (judged.keep() != null) {
                    keep.add(judged.keep());
                }
            } else {
                blocked.add(segment);
                blockedCommits.merge(judged.status(), segment.commits(), Long::sum);
                firstBlocked.putIfAbsent(judged.status(), judged);
            }
            addPeriod(periods, segment, judged);
        }
        Judged decisive = blockedCommits.isEmpty()
                ? (trivialJudged != null ? trivialJudged : lastGranted != null ? lastGranted : lastCleared)
                : blockedCommits.size() == 1
                        ? firstBlocked.values().iterator().next()
                        : firstBlocked.get(blockedCommits.entrySet().stream()
                                .max(Map.Entry.<RelicensingStatus, Long>comparingByValue()
                                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                                .orElseThrow().getKey());
        Identity id = facts.identity();
        return new ContributorReport(id.login() != null ? id.login() : id.email(), id.githubId(), id.login(),
                facts.emails(), id.source(), decisive.status(),
                GrantView.of(decisive.status() == RelicensingStatus.FORBIDDEN_BY_AGREEMENT
                        ? decisive.grant()
                        : lastGranted == null ? null : lastGranted.grant()),
                decisive.reason(), commits, authored, commits - authored, lines, commitsCleared, linesCleared,
                segments.isEmpty() ? null : segments.get(0).first(),
                segments.stream().map(Segment::last).max(Comparator.naturalOrder()).orElse(null), List.copyOf(keep),
                periods);
    }

    /**
     * What {@link #contributor} gives for one segment, without its bookkeeping: most contributors of a large history
     * have one, and a report decides a hundred thousand of them.
     */
    private ContributorReport single(ContributorFacts facts, Segment segment, List<Segment> blocked) {
        Judged judged = judge(facts, segment);
        boolean cleared = judged.status().cleared();
        if (!cleared) {
            blocked.add(segment);
        }
        GrantView grant = GrantView.of(judged.grant());
        Identity id = facts.identity();
        return new ContributorReport(id.login() != null ? id.login() : id.email(), id.githubId(), id.login(),
                facts.emails(), id.source(), judged.status(), grant, judged.reason(),
                segment.commits(), segment.authored(), segment.commits() - segment.authored(), segment.linesAdded(),
                cleared ? segment.commits() : 0, cleared ? segment.linesAdded() : 0, segment.first(), segment.last(),
                cleared && judged.keep() != null ? List.of(judged.keep()) : List.of(),
                List.of(new Period(segment.first(), segment.last(), segment.commits(), segment.linesAdded(),
                        judged.status(), grant, judged.reason(), judged.license())));
    }

    private static void addPeriod(List<Period> periods, Segment segment, Judged judged) {
        GrantView grant = GrantView.of(judged.grant());
        if (!periods.isEmpty()) {
            Period last = periods.get(periods.size() - 1);
            if (last.status() == judged.status() && Objects.equals(last.grant(), grant)
                    && last.reason().equals(judged.reason()) && Objects.equals(last.license(), judged.license())) {
                Instant to = last.to().isAfter(segment.last()) ? last.to() : segment.last();
                periods.set(periods.size() - 1, new Period(last.from(), to, last.commits() + segment.commits(),
                        last.linesAdded() + segment.linesAdded(), last.status(), grant, last.reason(), last.license()));
                return;
            }
        }
        periods.add(new Period(segment.first(), segment.last(), segment.commits(), segment.linesAdded(),
                judged.status(), grant, judged.reason(), judged.license()));
    }

    /** The segment's own judgement, unless it blocks and is trivial: then {@code TRIVIAL}. */
    private Judged judge(ContributorFacts facts, Segment segment) {
        Judged judged = judgeOnGrants(facts, segment);
        if (!segment.trivial() || judged.status().cleared()) {
            return judged;
        }
        trivial.add(segment);
        return new Judged(RelicensingStatus.TRIVIAL, null, "each of these commits adds at most " + trivialLines
                + " lines, left out as trivial on request (otherwise " + judged.status() + ": " + judged.reason()
                + ")", judged.license(), null);
    }

    private Judged judgeOnGrants(ContributorFacts facts, Segment segment) {
        Instant at = segment.first();
        // The day in UTC from the epoch's seconds: at.atZone(UTC) makes new zone rules each time, per contributor.
        String license = licenses.licenseOn(LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond(), SECONDS_PER_DAY)))
                .orElse(null);
        if (license != null && licenseAllows.computeIfAbsent(license,
                text -> LicenseAllows.allows(submission(text), target))) {
            return new Judged(RelicensingStatus.LICENSE_ALLOWS, null, "the project's license then, " + license
                    + ", already allowed " + target + ": no grant is needed", license, null);
        }
        List<Grant> covering = CoverageRules.covering(facts.grants(), at);
        if (segment.written() != null && covering.stream().anyMatch(CoverageRules::approvesByAddress)) {
            covering = covering.stream().filter(
                    g -> !CoverageRules.approvesByAddress(g) || CoverageRules.approvesWritten(g, segment.written()))
                    .toList();
        }
        if (covering.isEmpty() && mode.takesSignOffs()) {
            return new Judged(RelicensingStatus.DCO_ONLY, null, "covered only by a DCO sign-off (the project's mode is "
                    + mode + "): given under the project's license at the time"
                    + (license == null ? "" : ", " + license) + ", with no relicensing grant", license, null);
        }
        if (covering.isEmpty()) {
            // An address a company approves (at other times, or written under another address) is known to the
            // project: it lacks an agreement then, it is not an unknown identity.
            RelicensingStatus status = facts.identity().known() || !facts.grants().isEmpty()
                    ? RelicensingStatus.NO_AGREEMENT
                    : RelicensingStatus.UNKNOWN_IDENTITY;
            return new Judged(status, null, NotCovered.reason(facts.identity().known(), facts.emails(),
                    facts.grants(), CoverageRules.ANY_VERSION, at), license, null);
        }
        Judged refused = null;
        for (Grant grant : covering) {
            Verdict verdict = verdict(grant.outbound(), license);
            if (verdict.allowed()) {
                String keep = grant.outbound().policy() == OutboundPolicy.ANY_KEEPING_SAME ? license : null;
                return new Judged(RelicensingStatus.GRANTED, grant, grant.describe() + ": " + verdict.reason(), license,
                        keep);
            }
            if (refused == null) {
                refused = new Judged(RelicensingStatus.FORBIDDEN_BY_AGREEMENT, grant,
                        grant.describe() + ": " + verdict.reason(), license, null);
            }
        }
        return refused;
    }

    private Verdict verdict(OutboundTerms terms, String license) {
        return verdicts.computeIfAbsent(new VerdictKey(terms, license), k -> terms.allows(target, submission(license)));
    }

    /** The license of the day as an expression; null when unknown, or when the history holds an invalid one. */
    private SpdxExpression submission(String license) {
        if (license == null) {
            return null;
        }
        return parsed.computeIfAbsent(license, text -> {
            try {
                return SpdxExpression.parse(text);
            } catch (SpdxParseException invalid) {
                return null;
            }
        });
    }
}
