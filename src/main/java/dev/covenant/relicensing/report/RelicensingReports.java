package dev.covenant.relicensing.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import dev.covenant.agreement.SpdxExpression;
import dev.covenant.agreement.SpdxParseException;
import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.coverage.ContributorLookup;
import dev.covenant.coverage.Grant;
import dev.covenant.coverage.GrantProofs;
import dev.covenant.jdbc.Rows;
import dev.covenant.project.LicenseHistory;
import dev.covenant.project.Project;
import dev.covenant.project.ProjectLicense;
import dev.covenant.project.ProjectMode;
import dev.covenant.project.RepositoryName;
import dev.covenant.relicensing.report.ReportModel.ContributorFacts;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.Decided;
import dev.covenant.relicensing.report.ReportModel.Report;
import dev.covenant.relicensing.report.ReportModel.ReportTotals;
import dev.covenant.relicensing.report.ReportModel.Segment;

/**
 * Gathers the facts of a relicensing report (the project, its license history, the contributors and their grants,
 * the aggregated contributions) and lets {@link RelicensingDecision} decide. The contributions are only ever
 * summed by PostgreSQL, never read row by row.
 */
@ApplicationScoped
public class RelicensingReports {

    private static final Logger LOG = Logger.getLogger(RelicensingReports.class);
    /** Reports slower than this are logged with where their time went (every report at DEBUG). */
    private static final long SLOW_NANOS = 1_000_000_000L;

    private static final Comparator<ContributorReport> MOST_COMMITS_FIRST = (a, b) -> a.commits() != b.commits()
            ? Long.compare(b.commits(), a.commits())
            : a.contributor().compareTo(b.contributor());

    private final AgroalDataSource dataSource;
    private final ContributorLookup lookup;
    private final ReportAnswers answers;

    RelicensingReports(AgroalDataSource dataSource, ContributorLookup lookup, ReportAnswers answers) {
        this.dataSource = dataSource;
        this.lookup = lookup;
        this.answers = answers;
    }

    public Report report(String owner, String repo, String to, String at) {
        return report(owner, repo, to, at, null);
    }

    /**
     * The part of the report {@code reader} may see. For someone who sees only their own row, only the addresses
     * that may be theirs are looked at, not the whole history's: their part of a hundred thousand contributors
     * costs what a small report does.
     */
    Report report(ReportReader reader, String owner, String repo, String to, String at) {
        return report(reader, owner, repo, to, at, null);
    }

    /** As above; {@code trivialLines}, unless null, reports the commits adding at most that many lines apart. */
    Report report(ReportReader reader, String owner, String repo, String to, String at, String trivialLines) {
        return report(reader, owner, repo, to, at, trivialLines, false);
    }

    /** As above; {@code chart}: with the totals split for the progress chart, when the reader sees them. */
    Report report(ReportReader reader, String owner, String repo, String to, String at, String trivialLines,
            boolean chart) {
        Integer trivial = TrivialLines.parse(trivialLines);
        return reader.visible(report(owner, repo, to, reader.at(at), null, reader.whole() ? null : reader.githubId(),
                trivial, chart && reader.whole()));
    }

    /** The report of a campaign's target with its answers, its totals split for the progress chart. */
    public Report charted(String owner, String repo, String to, long campaign) {
        return report(owner, repo, to, null, campaign, null, null, true);
    }

    /**
     * The report with the answers of one consent campaign laid over it; {@code campaign} null takes the newest
     * campaign of the repository for the target ({@link ReportAnswers}).
     */
    public Report report(String owner, String repo, String to, String at, Long campaign) {
        return report(owner, repo, to, at, campaign, null, null, false);
    }

    /** The project's facts a report needs, read in a transaction of their own. */
    private record Terms(long agreementId, Long corporateAgreementId, LicenseHistory licenses, ProjectMode mode) {
    }

    /** What the first look at the database found: the cutoff, the addresses' sums, who is behind them. */
    private record Credited(ReportCutoff cutoff, List<AddressSums> addresses, ContributorLookup.Read people) {
    }

    /**
     * {@code onlyFor}, unless null, limits the report to the addresses that may be that GitHub account's. Two short
     * looks at the database, with GitHub asked about organisation members (when a company approves one) between them
     * and never while a connection is held.
     */
    private Report report(String owner, String repo, String to, String at, Long campaign, Long onlyFor,
            Integer trivialLines, boolean chart) {
        String repository = RepositoryName.of(owner, repo);
        SpdxExpression target = target(to);
        Terms terms = QuarkusTransaction.joiningExisting().call(() -> Project.findGoverning(owner, repo)
                .map(p -> new Terms(p.agreement.id, p.corporateAgreement == null ? null : p.corporateAgreement.id,
                        ProjectLicense.historyOf(p), p.mode))
                .orElseThrow(() -> new NotFoundProblem("No project governs " + owner + "/" + repo)));
        long started = System.nanoTime();
        Credited credited = inTransaction(repository, c -> {
            ReportCutoff cutoff = ReportCutoff.of(c, repository, at);
            List<AddressSums> addresses = onlyFor == null
                    ? AddressSums.of(c, repository, cutoff.upTo())
                    : AddressSums.ofAccount(c, repository, cutoff.upTo(), onlyFor);
            return new Credited(cutoff, addresses,
                    lookup.read(c, repository, addresses.stream().map(AddressSums::email).toList(),
                            WrittenAddresses.of(c, repository), terms.agreementId(), terms.corporateAgreementId()));
        });
        ContributorLookup.Found found = lookup.attach(credited.people());
        long looked = System.nanoTime();
        return inTransaction(repository, c -> decide(c, repository, target, at, campaign, terms, credited, found,
                started, looked, trivialLines, chart));
    }

    private Report decide(Connection c, String repository, SpdxExpression target, String at, Long campaign,
            Terms terms, Credited credited, ContributorLookup.Found found, long started, long looked,
            Integer trivialLines, boolean chart) throws SQLException {
        ReportCutoff cutoff = credited.cutoff();
        if (cutoff.cut() != null) {
            cutoff.cut().write(c);
        }
        Map<String, List<Grant>> granted = new HashMap<>();
        found.contributors().stream().filter(p -> !p.grants().isEmpty())
                .forEach(p -> p.emails().forEach(e -> granted.put(e, p.grants())));
        LicenseHistory licenses = terms.licenses();
        Segments segments = new Segments(repository, cutoff, licenses, granted, trivialLines);
        List<List<Segment>> byAddress = segments.credited(c, credited.addresses());
        // A loop, not flatMap: a hundred thousand addresses made as many streams, a tenth of a report's garbage.
        List<Segment> all = new ArrayList<>(byAddress.size());
        for (List<Segment> segmentsOfAddress : byAddress) {
            all.addAll(segmentsOfAddress);
        }
        long summed = System.nanoTime();
        List<ContributorFacts> facts = facts(found, byAddress);
        Decided before = RelicensingDecision.decide(target, licenses, facts, trivialLines, terms.mode());
        Decided decided = answers.apply(repository, target, campaign, before);
        long decidedAt = System.nanoTime();
        long[] cleared = segments.cleared(c, all, decided.blocked());
        List<ContributorReport> contributors = proven(c, decided.contributors());
        contributors.sort(MOST_COMMITS_FIRST);
        long peopleCleared = contributors.stream().filter(r -> r.status().cleared()).count();
        ReportTotals totals = ReportTotals.of(contributors.size(), peopleCleared, cleared[0], cleared[2], cleared[1],
                cleared[3], segments.mergesLeftOut(c), segments.trivial(c, decided.trivial()));
        if (chart) {
            totals = totals.withSplit(segments.split(c, all, ChartRanks.of(all, before, decided)));
        }
        long done = System.nanoTime();
        if (done - started > SLOW_NANOS || LOG.isDebugEnabled()) {
            LOG.logf(done - started > SLOW_NANOS ? Logger.Level.INFO : Logger.Level.DEBUG,
                    "%s - the report for %s over %d contributors took %d ms: contributors %d ms, sums %d ms,"
                            + " decision %d ms, totals %d ms",
                    repository, target, contributors.size(), millis(done - started),
                    millis(looked - started), millis(summed - looked), millis(decidedAt - summed),
                    millis(done - decidedAt));
        }
        return new Report(repository, target.toString(), cutoff.commit() == null && at == null
                ? null
                : cutoff.instant(), cutoff.commit(), totals, contributors);
    }

    /** The rows with the proof of each grant they name ({@link GrantProofs}), read in one go. */
    private static List<ContributorReport> proven(Connection c, List<ContributorReport> rows) throws SQLException {
        Set<String> signatures = new HashSet<>();
        Set<String> corporate = new HashSet<>();
        // A plain loop: a hundred thousand rows each built two streams here, a tenth of a large report's garbage.
        for (ContributorReport row : rows) {
            collect(row.grant(), signatures, corporate);
            for (ReportModel.Period period : row.periods()) {
                collect(period.grant(), signatures, corporate);
            }
        }
        if (signatures.isEmpty() && corporate.isEmpty()) {
            return new ArrayList<>(rows);
        }
        GrantProofs proofs = GrantProofs.read(c, signatures, corporate);
        List<ContributorReport> proven = new ArrayList<>(rows.size());
        rows.forEach(row -> proven.add(row.proven(proofs)));
        return proven;
    }

    private static void collect(ReportModel.GrantView grant, Set<String> signatures, Set<String> corporate) {
        if (grant != null) {
            (Grant.Kind.INDIVIDUAL.name().equals(grant.kind()) ? signatures : corporate).add(grant.id());
        }
    }

    /** Work on one connection, in the caller's transaction or else a short one of its own (for SET LOCAL). */
    private <T> T inTransaction(String repository, Rows.Work<T> work) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return work.on(c);
            } catch (SQLException e) {
                throw new IllegalStateException("the relicensing report of " + repository + " failed: "
                        + e.getMessage(), e);
            }
        });
    }

    /** Each contributor with the segments of all their addresses ({@code byAddress} in the order looked up). */
    private static List<ContributorFacts> facts(ContributorLookup.Found found, List<List<Segment>> byAddress) {
        List<ContributorLookup.Contributor> people = found.contributors();
        List<List<Segment>> segments = new ArrayList<>(Collections.nCopies(people.size(), null));
        for (int i = 0; i < byAddress.size(); i++) {
            int k = found.contributorOf()[i];
            List<Segment> earlier = segments.get(k);
            segments.set(k, earlier == null
                    ? byAddress.get(i)
                    : Stream.concat(earlier.stream(), byAddress.get(i).stream()).toList());
        }
        List<ContributorFacts> facts = new ArrayList<>(people.size());
        for (int k = 0; k < people.size(); k++) {
            ContributorLookup.Contributor p = people.get(k);
            if (segments.get(k).isEmpty()) {
                continue; // none of their commits is reached from the report's commit
            }
            facts.add(new ContributorFacts(p.identity(), p.emails(), p.grants(), segments.get(k)));
        }
        return facts;
    }

    /**
     * {@code report} with its first {@code first} contributors named as git names them in their newest contribution
     * (of any of their addresses); the others as they were.
     */
    public Report named(Report report, int first) {
        int n = Math.min(first, report.contributors().size());
        List<ContributorReport> contributors = new ArrayList<>(report.contributors().size());
        contributors.addAll(named(report.repository(), report.contributors().subList(0, n)));
        contributors.addAll(report.contributors().subList(n, report.contributors().size()));
        return new Report(report.repository(), report.target(), report.at(), report.atCommit(), report.totals(),
                contributors, report.page());
    }

    /** {@code contributors} of {@code repository}, named as git names them in their newest contribution. */
    public List<ContributorReport> named(String repository, List<ContributorReport> contributors) {
        Map<String, GitNames.Named> names;
        try (Connection c = dataSource.getConnection()) {
            names = GitNames.of(c, repository, contributors.stream().flatMap(r -> r.emails().stream()).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("the names in the report of " + repository + " failed: " + e.getMessage(),
                    e);
        }
        return contributors.stream().map(r -> r.emails().stream().map(names::get).filter(Objects::nonNull)
                .max(Comparator.comparing(GitNames.Named::at)).map(named -> r.named(named.name())).orElse(r)).toList();
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static SpdxExpression target(String to) {
        if (to == null || to.isBlank()) {
            throw InvalidInputException.of("to", "is required: the SPDX expression to relicense under");
        }
        try {
            return SpdxExpression.parse(to);
        } catch (SpdxParseException e) {
            throw new InvalidInputException(List.of(new FieldError("to", e.getMessage(), e.suggestions())));
        }
    }
}
