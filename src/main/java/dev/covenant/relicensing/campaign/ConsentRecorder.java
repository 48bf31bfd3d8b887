package dev.covenant.relicensing.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.covenant.api.ConflictException;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.identity.Person;
import dev.covenant.ledger.Ledger;
import dev.covenant.ledger.ProtectedTable;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;

/**
 * Records answers, each with its {@code consent.answered} ledger event in the same commit: a maintainer's, for any
 * contributor of the repository's history, and a person's own. The campaign's row is locked, so an answer never
 * slips in while the campaign is being closed; a closed campaign takes none (409).
 */
@ApplicationScoped
public class ConsentRecorder {

    /** Who recorded an answer: a maintainer's login (with their account) or an admin token. */
    public record Recorder(String who, Long githubId) {
    }

    private final Ledger ledger;
    private final Clock clock;
    private final CampaignDetails details;

    ConsentRecorder(Ledger ledger, Clock clock, CampaignDetails details) {
        this.ledger = ledger;
        this.clock = clock;
        this.details = details;
    }

    /**
     * An answer a maintainer obtained elsewhere; the contributor is a GitHub login or a commit address. They are
     * looked up in the campaign's report first, outside the transaction that records the answer (the report may ask
     * GitHub about organisation members).
     */
    public Consent byMaintainer(String repository, long id, CampaignRequests.RecordAnswer request, Recorder recorder) {
        if (request == null) {
            throw InvalidInputException.of("body",
                    "is required: {\"contributor\", \"answer\", \"note\", \"evidenceUrl\"}");
        }
        AnswerInput.Valid valid = AnswerInput.check(request.answer(), request.note(), request.evidenceUrl(), true);
        ConsentCampaign seen = ConsentCampaign.findIn(repository, id)
                .orElseThrow(() -> new NotFoundProblem("No campaign " + id + " for " + repository));
        ContributorReport contributor = find(seen, request.contributor()).orElseThrow(() -> InvalidInputException
                .of("contributor", "is neither the GitHub login nor a commit address of anyone in "
                        + repository + "'s imported history"));
        return QuarkusTransaction.requiringNew().call(() -> recordFor(repository, id, valid, contributor, recorder));
    }

    private Consent recordFor(String repository, long id, AnswerInput.Valid valid, ContributorReport contributor,
            Recorder recorder) {
        ConsentCampaign campaign = openCampaign(repository, id);
        Consent consent = consent(campaign, valid, Consent.RecordedAs.MAINTAINER, recorder);
        if (contributor.githubId() != null) {
            consent.githubId = contributor.githubId();
        } else {
            consent.email = contributor.emails().get(0);
        }
        return record(campaign, consent, contributor.login());
    }

    /** A person's own answer on their consent page; the page has checked that they contributed. */
    @Transactional
    public Consent bySelf(long id, Person person, String answer, String note) {
        ConsentCampaign found = ConsentCampaign.<ConsentCampaign>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundProblem("No campaign " + id));
        ConsentCampaign campaign = openCampaign(found.repository, id);
        AnswerInput.Valid valid = AnswerInput.check(answer, note, null, false);
        if (valid.answer() == Answer.UNREACHABLE) {
            throw InvalidInputException.of("answer", "is YES, NO or CONDITIONAL when you answer yourself");
        }
        Consent consent = consent(campaign, valid, Consent.RecordedAs.SELF, new Recorder("@" + person.login,
                person.githubId));
        consent.githubId = person.githubId;
        return record(campaign, consent, person.login);
    }

    private ConsentCampaign openCampaign(String repository, long id) {
        ConsentCampaign campaign = ConsentCampaign.lockIn(repository, id)
                .orElseThrow(() -> new NotFoundProblem("No campaign " + id + " for " + repository));
        if (!campaign.open()) {
            throw new ConflictException("Campaign " + id + " was closed on " + campaign.closedAt
                    + "; it takes no more answers");
        }
        return campaign;
    }

    private Optional<ContributorReport> find(ConsentCampaign campaign, String contributor) {
        if (contributor == null || contributor.isBlank()) {
            throw InvalidInputException.of("contributor", "is required: a GitHub login or a commit address");
        }
        String wanted = contributor.strip().toLowerCase(Locale.ROOT);
        return details.report(campaign).contributors().stream()
                .filter(c -> (c.login() != null && c.login().toLowerCase(Locale.ROOT).equals(wanted))
                        || c.emails().contains(wanted))
                .findFirst();
    }

    private Consent consent(ConsentCampaign campaign, AnswerInput.Valid valid, Consent.RecordedAs as, Recorder by) {
        Consent consent = new Consent();
        consent.campaignId = campaign.id;
        consent.answer = valid.answer();
        consent.note = valid.note();
        consent.evidenceUrl = valid.evidenceUrl();
        consent.recordedAs = as;
        consent.recordedBy = by.who();
        consent.recordedByGithubId = by.githubId();
        consent.recordedAt = Instant.now(clock);
        return consent;
    }

    private Consent record(ConsentCampaign campaign, Consent consent, String login) {
        ledger.appendFor("consent.answered", CampaignEvents.answered(campaign, consent, login), seq -> {
            consent.ledgerSeq = seq;
            consent.persist();
            return ProtectedTable.CONSENT.row(consent.id);
        });
        return consent;
    }
}
