package dev.covenant.signing;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

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
        // Serialises one person's concurrent signing requests, so the second finds the first's signature.
        Person.findById(signer.githubId, LockModeType.PESSIMISTIC_WRITE);
        Optional<Signature> existing = Signature.findActive(signer.githubId, version);
        if (existing.isPresent()) {
            return existing.get();
        }
        Signature signature = new Signature();
        signature.id = UUID.randomUUID();
        signature.githubId = signer.githubId;
        signature.version = version;
        signature.textSha256 = version.sha256;
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        values.forEach(fields::put);
        signature.fields = CanonicalJson.write(fields);
        signature.signedAt = Instant.now(clock);
        signature.recordOrigin(origin);
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("signature", signature.id.toString());
        event.put("githubId", signer.githubId);
        event.put("login", signer.login);
        event.put("agreement", version.agreement.slug);
        event.put("version", version.version);
        event.put("sha256", version.sha256);
        event.set("fields", fields);
        event.put("signedAt", signature.signedAt.toString());
        event.put("ip", signature.ip);
        event.put("userAgent", signature.userAgent);
        ledger.appendFor("signature.signed", event, seq -> {
            signature.ledgerSeq = seq;
            signature.persist();
            return ProtectedTable.SIGNATURE.row(signature.id);
        });
        coverageChanged.fire(new CoverageChanged(signer.githubId, "signature"));
        return signature;
    }

    /** Ends a signature for contributions after now; only its signer may. */
    public Signature revoke(Person person, UUID signatureId) {
        Signature signature = Signature.<Signature>findByIdOptional(signatureId)
                .filter(s -> s.githubId == person.githubId)
                .orElseThrow(() -> PageException.notFound("You have no signature " + signatureId));
        if (signature.revokedAt != null) {
            return signature;
        }
        SignatureRevocation revocation = new SignatureRevocation();
        revocation.signatureId = signature.id;
        revocation.revokedAt = Instant.now(clock);
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("signature", signature.id.toString());
        event.put("githubId", person.githubId);
        event.put("agreement", signature.version.agreement.slug);
        event.put("version", signature.version.version);
        event.put("revokedAt", revocation.revokedAt.toString());
        ledger.appendFor("signature.revoked", event, seq -> {
            revocation.ledgerSeq = seq;
            revocation.persist();
            return ProtectedTable.SIGNATURE_REVOCATION.row(signature.id);
        });
        // The formula columns are read when the signature is loaded; this one is already in the session.
        signature.revokedAt = revocation.revokedAt;
        signature.revocationLedgerSeq = revocation.ledgerSeq;
        coverageChanged.fire(new CoverageChanged(person.githubId, "revocation"));
        return signature;
    }
}
