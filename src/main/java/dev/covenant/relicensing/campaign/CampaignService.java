package dev.covenant.relicensing.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.covenant.agreement.SpdxExpression;
import dev.covenant.api.ConflictException;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.api.Sha256;
import dev.covenant.jdbc.AdvisoryLocks;
import dev.covenant.ledger.CanonicalJson;
import dev.covenant.ledger.Ledger;
import dev.covenant.ledger.LedgerEntry;
import dev.covenant.project.Project;
import dev.covenant.project.ProjectLicense;
import dev.covenant.relicensing.report.JudgedImport;
import dev.covenant.relicensing.report.ReportModel.Report;

/** Opens and closes campaigns; each step is recorded in the ledger within the same commit. */
@ApplicationScoped
@Transactional
public class CampaignService {

    private final Ledger ledger;
    private final Clock clock;
    private final CampaignDetails details;

    CampaignService(Ledger ledger, Clock clock, CampaignDetails details) {
        this.ledger = ledger;
        this.clock = clock;
        this.details = details;
    }

    /**
     * Opens a campaign; 409 when one for the same repository and an equivalent target is open already. Without a
     * {@code from}, the campaign changes from the licenses the contributions still to be cleared were made under,
     * which the report says before the campaign's own transaction (it may ask GitHub about organisation members);
     * failing those, the project's license today.
     */
    @Transactional(Transactional.TxType.NEVER)
    public ConsentCampaign open(String repository, CampaignRequests.Open request, String openedBy) {
        String owner = repository.substring(0, repository.indexOf('/'));
        String repo = repository.substring(owner.length() + 1);
        SpdxExpression to = SpdxField.parse("to", request == null ? null : request.to());
        String from = request.from() != null
                ? notTheTarget(SpdxField.parse("from", request.from()), to).toString()
                : details.stillToClearUnder(owner, repo, to.toString());
        return QuarkusTransaction.requiringNew().call(() -> openWith(repository, owner, repo, to, from, openedBy));
    }

    private ConsentCampaign openWith(String repository, String owner, String repo, SpdxExpression to, String given,
            String openedBy) {
        Project project = Project.findGoverning(owner, repo)
                .orElseThrow(() -> new NotFoundProblem("No project governs " + repository));
        String from = given != null
                ? given
                : notTheTarget(SpdxField.parse("from", ProjectLicense.historyOf(project).licenseOn(LocalDate.now(clock))
                        .orElseThrow(() -> InvalidInputException.of("from", "is required: the project has no license"
                                + " history to take the current license from"))),
                        to).toString();
        // Two requests for the same target would both find none open without this lock on the repository.
        ConsentCampaign.getSession()
                .doWork(c -> AdvisoryLocks.holdUntilTransactionEnds(c, "campaign:" + repository));
        List<ConsentCampaign> open = CampaignAnswers.openFor(repository, to);
        if (!open.isEmpty()) {
            throw new ConflictException("Campaign " + open.get(0).id + " for " + repository + " to " + to
                    + " is open already");
        }
        ConsentCampaign campaign = new ConsentCampaign();
        campaign.id = ConsentCampaign.nextId();
        campaign.repository = repository;
        campaign.fromLicense = from;
        campaign.toLicense = to.toString();
        campaign.state = ConsentCampaign.State.OPEN;
        campaign.openedBy = openedBy;
        campaign.openedAt = Instant.now(clock);
        campaign.openLedgerSeq = ledger.append("campaign.opened", CampaignEvents.opened(campaign)).seq;
        campaign.persist();
        return campaign;
    }

    /** A campaign from a license to the same one would change nothing: a 400 naming {@code from}. */
    private static SpdxExpression notTheTarget(SpdxExpression from, SpdxExpression to) {
        if (from.isEquivalentTo(to)) {
            throw InvalidInputException.of("from", "is the same licensing as the target " + to
                    + ": a campaign must change the license");
        }
        return from;
    }

    /**
     * Closes an open campaign: builds its evidence bundle, keeps it, and records its SHA-256 in the ledger. The report
     * behind the bundle is made before the closing transaction (it may ask GitHub about organisation members); if an
     * answer arrives meanwhile, the report is made again, so the bundle always holds every answer the campaign took.
     */
    @Transactional(Transactional.TxType.NEVER)
    public ConsentCampaign close(String repository, long id, String closedBy) {
        for (int attempt = 1;; attempt++) {
            ConsentCampaign seen = ConsentCampaign.findIn(repository, id)
                    .orElseThrow(() -> new NotFoundProblem("No campaign " + id + " for " + repository));
            if (!seen.open()) {
                throw new ConflictException("Campaign " + id + " was closed on " + seen.closedAt);
            }
            long answers = Consent.count("campaignId", id);
            Report report = details.report(seen);
            Optional<ConsentCampaign> closed = QuarkusTransaction.requiringNew()
                    .call(() -> closeWith(repository, id, closedBy, report, answers));
            if (closed.isPresent()) {
                return closed.get();
            }
            if (attempt == 3) {
                throw new ConflictException("Campaign " + id + " kept taking answers while it was being closed; close"
                        + " it again");
            }
        }
    }

    /** Closes the campaign with this report, unless it took answers since the report was made (then empty). */
    private Optional<ConsentCampaign> closeWith(String repository, long id, String closedBy, Report report,
            long answersSeen) {
        ConsentCampaign campaign = ConsentCampaign.lockIn(repository, id)
                .orElseThrow(() -> new NotFoundProblem("No campaign " + id + " for " + repository));
        if (!campaign.open()) {
            throw new ConflictException("Campaign " + id + " was closed on " + campaign.closedAt);
        }
        if (Consent.count("campaignId", id) != answersSeen) {
            return Optional.empty();
        }
        campaign.closedBy = closedBy;
        campaign.closedAt = Instant.now(clock);
        LedgerEntry head = LedgerEntry.findLatest().orElseThrow(() -> new IllegalStateException(
                "the ledger is empty, yet campaign " + id + " was opened with an entry"));
        JudgedImport judged = ConsentCampaign.getSession()
                .doReturningWork(c -> JudgedImport.of(c, repository).orElse(null));
        String bundle = CanonicalJson.write(EvidenceBundle.build(campaign, report, judged,
                CampaignAnswers.counting(campaign),
                head.seq, head.hash));
        String sha256 = Sha256.hex(bundle);
        campaign.closeLedgerSeq = ledger.append("campaign.closed",
                CampaignEvents.closed(campaign, sha256, head.hash)).seq;
        campaign.evidence = bundle;
        campaign.evidenceSha256 = sha256;
        campaign.state = ConsentCampaign.State.CLOSED;
        return Optional.of(campaign);
    }
}
