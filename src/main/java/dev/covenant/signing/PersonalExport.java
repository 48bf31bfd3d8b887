package dev.covenant.signing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.covenant.identity.Person;
import dev.covenant.identity.PersonEmail;
import dev.covenant.identity.PersonalRecords;
import dev.covenant.jdbc.Rows;
import dev.covenant.ledger.CanonicalJson;
import dev.covenant.ledger.LedgerEntryJson;

/**
 * Everything Covenant keeps about a person, for them (or an admin) to download: their account and addresses, every
 * signature with its form answers, IP address and user agent, every corporate agreement they signed, every line of a
 * company's approval list that names them (by login or address), every section the rooms above add
 * ({@link PersonalRecords}: consent answers), and the ledger entries of each record.
 */
@ApplicationScoped
@Transactional
public class PersonalExport {

    private final Instance<PersonalRecords> sections;

    PersonalExport(Instance<PersonalRecords> sections) {
        this.sections = sections;
    }

    public ObjectNode of(Person person) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("githubId", person.githubId);
        root.put("login", person.login);
        root.put("name", person.name);
        root.put("firstSeenAt", person.firstSeenAt.toString());
        ArrayNode emails = root.putArray("emails");
        PersonEmail.<PersonEmail>list("githubId", person.githubId).forEach(e -> emails.addObject()
                .put("email", e.email).put("verified", e.verified).put("primary", e.primary));
        ArrayNode signatures = root.putArray("signatures");
        Signature.findByPerson(person.githubId).forEach(s -> signatures.add(signature(s)));
        ArrayNode corporate = root.putArray("corporateAgreementsSigned");
        CorporateAgreement.<CorporateAgreement>list("signatoryGithubId", person.githubId)
                .forEach(c -> corporate.add(corporate(c)));
        ArrayNode approvals = root.putArray("approvalsNamingYou");
        List<String> addresses = person.verifiedEmails().stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
        naming(person.login, addresses).forEach(a -> approvals.add(approval(a)));
        for (PersonalRecords section : sections) {
            root.set(section.section(), section.of(person.githubId, addresses));
        }
        return root;
    }

    static ObjectNode signature(Signature s) {
        ObjectNode tree = SignaturePagesResource.receiptTree(s);
        tree.put("ip", s.ip);
        tree.put("userAgent", s.userAgent);
        tree.set("ledgerEntries", LedgerEntryJson.of(Arrays.asList(s.ledgerSeq, s.revocationLedgerSeq)));
        return tree;
    }

    private static ObjectNode corporate(CorporateAgreement c) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("id", c.id.toString());
        tree.put("company", c.company);
        tree.put("title", c.signatoryTitle);
        tree.put("contactEmail", c.contactEmail);
        tree.put("agreement", c.version.agreement.slug);
        tree.put("version", c.version.version);
        tree.put("signedAt", c.signedAt.toString());
        tree.put("revokedAt", c.revokedAt == null ? null : c.revokedAt.toString());
        tree.set("fields", CanonicalJson.read(c.fields));
        tree.put("ip", c.ip);
        tree.put("userAgent", c.userAgent);
        Long revocation = CorporateAgreement.getSession().doReturningWork(conn -> Rows.first(conn,
                "SELECT ledger_seq FROM corporate_revocation WHERE corporate_id = ?", rs -> rs.getObject(1, Long.class),
                c.id).orElse(null));
        tree.set("ledgerEntries", LedgerEntryJson.of(Arrays.asList(c.ledgerSeq, revocation)));
        return tree;
    }

    /** Approval-list lines that name the person: their login, or one of their verified addresses. */
    private static List<Approval> naming(String login, List<String> addresses) {
        return Approval.list("(kind = ?1 and value = ?2) or (kind = ?3 and value in ?4) order by id",
                Approval.Kind.GITHUB_USER, login == null ? "" : login.toLowerCase(Locale.ROOT), Approval.Kind.EMAIL,
                addresses.isEmpty() ? List.of("") : addresses);
    }

    private static ObjectNode approval(Approval a) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("id", a.id);
        CorporateAgreement company = CorporateAgreement.findById(a.corporateId);
        tree.put("corporateAgreement", a.corporateId.toString());
        tree.put("company", company.company);
        tree.put("kind", a.kind.name());
        tree.put("value", a.value);
        tree.put("validFrom", a.validFrom.toString());
        tree.put("validUntil", a.validUntil == null ? null : a.validUntil.toString());
        tree.put("addedAt", a.addedAt.toString());
        tree.put("removedAt", a.removedAt == null ? null : a.removedAt.toString());
        ApprovalRemoval removal = ApprovalRemoval.findById(a.id);
        tree.set("ledgerEntries", LedgerEntryJson.of(Arrays.asList(a.ledgerSeq, removal == null
                ? null
                : removal.ledgerSeq)));
        return tree;
    }
}
