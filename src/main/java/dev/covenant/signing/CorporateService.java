package dev.covenant.signing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.covenant.agreement.AgreementVersion;
import dev.covenant.github.GitHubDirectory;
import dev.covenant.identity.Person;
import dev.covenant.ledger.CanonicalJson;
import dev.covenant.ledger.Ledger;
import dev.covenant.ledger.ProtectedTable;
import dev.covenant.web.PageException;

/** Corporate agreements: signing for a company, and the managers' approval list; every change is a ledger event. */
@ApplicationScoped
@Transactional
public class CorporateService {

    private final Ledger ledger;
    private final Clock clock;
    private final Event<CoverageChanged> coverageChanged;

    CorporateService(Ledger ledger, Clock clock, Event<CoverageChanged> coverageChanged) {
        this.ledger = ledger;
        this.clock = clock;
        this.coverageChanged = coverageChanged;
    }

    /** What the signatory typed, already checked. Managers are resolved GitHub users. */
    public record Signing(String company, String title, String contactEmail, List<GitHubDirectory.User> managers,
            Map<String, String> fields) {
    }

    public CorporateAgreement sign(Person signatory, AgreementVersion version, Signing signing,
            Origin origin) {
        CorporateAgreement corporate = new CorporateAgreement();
        corporate.id = UUID.randomUUID();
        corporate.version = version;
        corporate.company = signing.company();
        corporate.signatoryGithubId = signatory.githubId;
        corporate.signatoryTitle = signing.title();
        corporate.contactEmail = signing.contactEmail();
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        signing.fields().forEach(fields::put);
        corporate.fields = CanonicalJson.write(fields);
        corporate.signedAt = Instant.now(clock);
        corporate.recordOrigin(origin);
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("corporateAgreement", corporate.id.toString());
        event.put("company", corporate.company);
        event.put("agreement", version.agreement.slug);
        event.put("version", version.version);
        event.put("sha256", version.sha256);
        event.put("signatoryGithubId", signatory.githubId);
        event.put("signatoryLogin", signatory.login);
        event.put("signatoryTitle", corporate.signatoryTitle);
        event.put("contactEmail", corporate.contactEmail);
        event.set("fields", fields);
        var managers = event.putArray("managers");
        event.put("signedAt", corporate.signedAt.toString());
        event.put("ip", corporate.ip);
        event.put("userAgent", corporate.userAgent);
        java.util.Map<Long, String> named = new java.util.LinkedHashMap<>();
        named.put(signatory.githubId, signatory.login);
        signing.managers().forEach(m -> named.putIfAbsent(m.id(), m.login()));
        named.forEach((id, login) -> managers.addObject().put("githubId", id).put("login", login));
        ledger.appendFor("corporate.signed", event, seq -> {
            corporate.ledgerSeq = seq;
            corporate.persist();
            return ProtectedTable.CORPORATE_AGREEMENT.row(corporate.id);
        });
        named.forEach((id, login) -> addManager(corporate.id, id, login));
        return corporate;
    }

    private boolean addManager(UUID corporateId, long githubId, String login) {
        if (ClaManager.isManager(corporateId, githubId)) {
            return false;
        }
        ClaManager manager = new ClaManager();
        manager.corporateId = corporateId;
        manager.githubId = githubId;
        manager.login = login;
        manager.addedAt = Instant.now(clock);
        manager.persist();
        return true;
    }

    /** The corporate agreement, if this person manages it; otherwise as if it did not exist. */
    public CorporateAgreement managed(Person person, UUID corporateId) {
        CorporateAgreement corporate = CorporateAgreement.findById(corporateId);
        if (corporate == null || !ClaManager.isManager(corporateId, person.githubId)) {
            throw PageException.notFound("You manage no corporate agreement " + corporateId);
        }
        return corporate;
    }

    public Approval addApproval(Person manager, UUID corporateId, ApprovalInput input) {
        CorporateAgreement corporate = managed(manager, corporateId);
        Approval approval = new Approval();
        approval.corporateId = corporate.id;
        approval.kind = input.parsedKind();
        approval.value = input.normalizedValue();
        approval.validFrom = input.from(today());
        approval.validUntil = input.until();
        approval.addedBy = manager.githubId;
        approval.addedAt = Instant.now(clock);
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("corporateAgreement", corporate.id.toString());
        event.put("company", corporate.company);
        event.put("kind", approval.kind.name());
        event.put("value", approval.value);
        event.put("validFrom", approval.validFrom.toString());
        event.put("validUntil", approval.validUntil == null ? null : approval.validUntil.toString());
        event.put("byGithubId", manager.githubId);
        ledger.appendFor("corporate.approval.added", event, seq -> {
            approval.ledgerSeq = seq;
            approval.persist();
            return ProtectedTable.APPROVAL.row(approval.id);
        });
        coverageChanged.fire(CoverageChanged.everyone("approval"));
        return approval;
    }

    public void removeApproval(Person manager, UUID corporateId, long approvalId) {
        CorporateAgreement corporate = managed(manager, corporateId);
        Approval approval = Approval.findById(approvalId);
        if (approval == null || !approval.corporateId.equals(corporate.id)) {
            throw PageException.notFound("No approval " + approvalId + " in this agreement");
        }
        if (approval.removedAt != null) {
            return;
        }
        ApprovalRemoval removal = new ApprovalRemoval();
        removal.approvalId = approval.id;
        removal.removedAt = Instant.now(clock);
        removal.removedBy = manager.githubId;
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("corporateAgreement", corporate.id.toString());
        event.put("approval", approval.id);
        event.put("kind", approval.kind.name());
        event.put("value", approval.value);
        event.put("byGithubId", manager.githubId);
        ledger.appendFor("corporate.approval.removed", event, seq -> {
            removal.ledgerSeq = seq;
            removal.persist();
            return ProtectedTable.APPROVAL_REMOVAL.row(approval.id);
        });
        approval.removedAt = removal.removedAt;
        approval.removedBy = removal.removedBy;
        coverageChanged.fire(CoverageChanged.everyone("approval"));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
