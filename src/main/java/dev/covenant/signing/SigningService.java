package dev.covenant.signing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.covenant.agreement.AgreementVersion;
import dev.covenant.identity.Person;
import dev.covenant.ledger.CanonicalJson;
import dev.covenant.ledger.Ledger;
import dev.covenant.ledger.ProtectedTable;
import dev.covenant.web.PageException;

/**
 * Records signatures and revocations, each with its ledger event in the same commit; a revocation is a new row, since
 * the database refuses to change a signature.
 */
@ApplicationScoped
@Transactional
public class SigningService {

    private final Ledger ledger;
    private final Clock clock;
    private final Event<CoverageChanged> coverageChanged;

    SigningService(Ledger ledger, Clock clock, Event<CoverageChanged> coverageChanged) {
        this.ledger = ledger;
        this.clock = clock;
        this.coverageChanged = coverageChanged;
    }

    /**
     * Signs a version for a person. Signing a version they already hold an active signature for returns that
     * signature unchanged, also when two requests race (the person's row is locked for the check).
     */
    public Signature sign(Person signer, AgreementVersion version, Map<String, String> values, Origin origin) {
        return signAll(List.of(new SigningRequest(signer.githubId, version.id, values, origin))).get(0);
    }

    /**
     * Signs several versions for several people at once, each as {@link #sign} would, with a handful of statements
     * for the whole list: the signers' rows locked together, their active signatures read together, the new ones
     * written and appended to the ledger together. The answer is in the order of the requests; a request for what an
     * earlier one of the list (or an active signature) already holds gets that signature.
     */
    public List<Signature> signAll(List<SigningRequest> requests) {
        Set<Long> people = new TreeSet<>();
        Set<Long> versionIds = new TreeSet<>();
        requests.forEach(r -> {
            people.add(r.githubId());
            versionIds.add(r.versionId());
        });
        // Every signature is written under the ledger's one lock: taken first, it also makes the look for active
        // signatures below see every signature committed before, so a person's second request finds the first's.
        ledger.lock();
        Map<Long, String> signers = Person.loginsOf(people);
        Map<Long, AgreementVersion> versions = new HashMap<>();
        AgreementVersion.<AgreementVersion>list("id in ?1", versionIds).forEach(v -> versions.put(v.id, v));
        Map<List<Long>, Signature> held = new HashMap<>();
        Signature.<Signature>list("githubId in ?1 and version.id in ?2 and revokedAt is null", people, versionIds)
                .forEach(s -> held.put(List.of(s.githubId, s.version.id), s));

        List<Signature> signed = new ArrayList<>(requests.size());
        List<Ledger.RowEvent> events = new ArrayList<>();
        Set<Long> newSigners = new TreeSet<>();
        List<Signature> fresh = new ArrayList<>();
        for (SigningRequest r : requests) {
            String login = signers.get(r.githubId());
            AgreementVersion version = versions.get(r.versionId());
            if (login == null || version == null) {
                throw new IllegalStateException(login == null
                        ? "no person " + r.githubId()
                        : "no agreement version " + r.versionId());
            }
            Signature signature = held.computeIfAbsent(List.of(r.githubId(), version.id), k -> {
                ObjectNode fields = JsonNodeFactory.instance.objectNode();
                r.values().forEach(fields::put);
                Signature created = newSignature(r.githubId(), version, r, fields);
                events.add(new Ledger.RowEvent(created.importSource == null ? "signature.signed" : "signature.imported",
                        signedEvent(created, login, fields, r.importSource()), seq -> {
                            created.ledgerSeq = seq;
                            return SignatureRows.protect(created);
                        }));
                fresh.add(created);
                newSigners.add(r.githubId());
                return created;
            });
            signed.add(signature);
        }
        ledger.appendAllFor(events, () -> SignatureRows.insert(fresh));
        if (!newSigners.isEmpty()) {
            coverageChanged.fire(CoverageChanged.people(newSigners, "signature"));
        }
        return signed;
    }

    private Signature newSignature(long githubId, AgreementVersion version, SigningRequest request,
            ObjectNode fields) {
        return newSignature(githubId, version, request, fields, Instant.now(clock));
    }

    /**
     * A new signature, not written yet: signed when the request says (imports) or {@code now}. Touches no bean and no
     * Hibernate state, so an import prepares it while another thread writes on the transaction's connection.
     */
    static Signature newSignature(long githubId, AgreementVersion version, SigningRequest request, ObjectNode fields,
            Instant now) {
        Signature signature = new Signature();
        signature.id = UUID.randomUUID();
        signature.githubId = githubId;
        signature.version = version;
        signature.textSha256 = version.sha256;
        signature.fields = CanonicalJson.write(fields);
        // As the database keeps it (microseconds), so the ledger event and the row say the same instant.
        signature.signedAt = (request.signedAt() == null ? now : request.signedAt())
                .truncatedTo(ChronoUnit.MICROS);
        signature.recordOrigin(request.origin());
        signature.importSource = request.importSource() == null ? null : CanonicalJson.write(request.importSource());
        Origin.Comment comment = request.origin().comment();
        signature.signedByComment = comment == null ? null : CanonicalJson.write(commentNode(comment));
        return signature;
    }

    private static ObjectNode commentNode(Origin.Comment comment) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", comment.id());
        node.put("url", comment.url());
        node.put("repository", comment.repository());
        node.put("number", comment.number());
        return node;
    }

    static ObjectNode signedEvent(Signature signature, String login, ObjectNode fields, JsonNode source) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("signature", signature.id.toString());
        event.put("githubId", signature.githubId);
        event.put("login", login);
        event.put("agreement", signature.version.agreement.slug);
        event.put("version", signature.version.version);
        event.put("sha256", signature.version.sha256);
        event.set("fields", fields);
        event.put("signedAt", signature.signedAt.toString());
        event.put("ip", signature.ip);
        event.put("userAgent", signature.userAgent);
        if (source != null) {
            event.set("source", source);
        }
        if (signature.signedByComment != null) {
            event.set("comment", CanonicalJson.read(signature.signedByComment));
        }
        return event;
    }

    /** Ends a signature for contributions after now; only its signer may. */
    public Signature revoke(Person person, UUID signatureId) {
        Signature signature = Signature.<Signature>findByIdOptional(signatureId)
                .filter(s -> s.githubId == person.githubId)
                .orElseThrow(() -> PageException.notFound("You have no signature " + signatureId));
        return revoke(signature, null);
    }

    /**
     * Ends someone's signature for contributions after now, on the word of the people who run the service; the
     * ledger entry names who revoked it ({@code revokedBy}, as {@code web.Caller.describe} gives it).
     */
    public Signature revokeAsAdmin(UUID signatureId, String revokedBy) {
        Signature signature = Signature.<Signature>findByIdOptional(signatureId)
                .orElseThrow(() -> PageException.notFound("There is no signature " + signatureId + "."));
        return revoke(signature, revokedBy);
    }

    private Signature revoke(Signature signature, String revokedBy) {
        if (signature.revokedAt != null) {
            return signature;
        }
        SignatureRevocation revocation = new SignatureRevocation();
        revocation.signatureId = signature.id;
        revocation.revokedAt = Instant.now(clock);
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("signature", signature.id.toString());
        event.put("githubId", signature.githubId);
        event.put("agreement", signature.version.agreement.slug);
        event.put("version", signature.version.version);
        event.put("revokedAt", revocation.revokedAt.toString());
        if (revokedBy != null) {
            event.put("revokedBy", revokedBy);
        }
        ledger.appendFor("signature.revoked", event, seq -> {
            revocation.ledgerSeq = seq;
            revocation.persist();
            return ProtectedTable.SIGNATURE_REVOCATION.row(signature.id);
        });
        // The formula columns are read when the signature is loaded; this one is already in the session.
        signature.revokedAt = revocation.revokedAt;
        signature.revocationLedgerSeq = revocation.ledgerSeq;
        coverageChanged.fire(CoverageChanged.person(signature.githubId, "revocation"));
        return signature;
    }
}
