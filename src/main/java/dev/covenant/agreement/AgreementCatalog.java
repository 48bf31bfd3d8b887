package dev.covenant.agreement;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.covenant.agreement.AgreementViews.LedgerRef;
import dev.covenant.agreement.AgreementViews.VersionView;
import dev.covenant.api.ConflictException;
import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.jdbc.Rows;
import dev.covenant.ledger.Ledger;
import dev.covenant.ledger.LedgerEntry;

/** Creates agreements and publishes their versions; every publication is recorded in the ledger in the same commit. */
@ApplicationScoped
@Transactional
public class AgreementCatalog {

    private final Ledger ledger;
    private final Clock clock;

    AgreementCatalog(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public AgreementViews.AgreementView create(AgreementRequests.NewAgreement request) {
        List<FieldError> errors = AgreementValidator.checkAgreement(request);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (Agreement.findBySlug(request.slug()).isPresent()) {
            throw new ConflictException("An agreement with slug '" + request.slug() + "' already exists");
        }
        Agreement agreement = new Agreement();
        agreement.slug = request.slug();
        agreement.title = request.title().strip();
        agreement.kind = request.kind();
        agreement.createdAt = Instant.now(clock);
        agreement.persist();
        if (request.firstVersion() != null) {
            publish(agreement, request.firstVersion());
        }
        return AgreementViews.AgreementView.of(agreement, AgreementVersion.findFor(agreement));
    }

    public VersionView publish(String slug, AgreementRequests.NewVersion request) {
        return publish(agreement(slug), request);
    }

    private VersionView publish(Agreement agreement, AgreementRequests.NewVersion request) {
        Optional<AgreementVersion> latest = AgreementVersion.findLatest(agreement);
        List<FieldError> errors = AgreementValidator.checkVersion(request, latest);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        SemanticVersion semver = SemanticVersion.parse(request.version()).orElseThrow();
        RelicensingTerms terms = request.terms().toTerms();
        AgreementVersion version = new AgreementVersion();
        version.agreement = agreement;
        version.version = semver.toString();
        version.major = semver.major();
        version.minor = semver.minor();
        version.patch = semver.patch();
        version.text = request.text();
        version.sha256 = TextHash.of(request.text());
        version.publishedAt = Instant.now(clock);
        version.grantType = terms.grant();
        version.sublicensable = terms.sublicensable();
        version.coversPriorContributions = terms.coversPriorContributions();
        version.patentGrant = terms.patentGrant();
        version.outboundPolicy = terms.outboundPolicy();
        version.outboundLicenses = String.join(",", canonicalIds(terms.outboundLicenses()));
        version.formFields = FormFieldsJson
                .write(request.fields() == null ? FormField.defaultsFor(agreement.kind) : request.fields());
        version.persist();
        LedgerEntry entry = ledger.append("agreement.version.published", publishedEvent(version,
                latest.map(l -> semver.requiresResigningAfter(l.semanticVersion())).orElse(false)));
        return VersionView.of(version, new LedgerRef(entry.seq, entry.hash));
    }

    private static List<String> canonicalIds(List<String> ids) {
        return ids.stream().map(id -> SpdxLicenses.standard().find(id).map(LicenseFact::id).orElse(id)).toList();
    }

    private static ObjectNode publishedEvent(AgreementVersion v, boolean requiresResigning) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("agreement", v.agreement.slug);
        event.put("kind", v.agreement.kind.name());
        event.put("version", v.version);
        event.put("sha256", v.sha256);
        event.put("publishedAt", v.publishedAt.toString());
        event.put("requiresResigning", requiresResigning);
        ObjectNode terms = event.putObject("terms");
        terms.put("grant", v.grantType.name());
        terms.put("sublicensable", v.sublicensable);
        terms.put("coversPriorContributions", v.coversPriorContributions);
        terms.put("patentGrant", v.patentGrant);
        terms.put("outboundPolicy", v.outboundPolicy.name());
        var listed = terms.putArray("outboundLicenses");
        v.terms().outboundLicenses().forEach(listed::add);
        event.set("fields", FormFieldsJson.tree(v.formFields()));
        return event;
    }

    public List<AgreementViews.AgreementView> list() {
        return Agreement.listInOrder().stream()
                .map(a -> AgreementViews.AgreementView.of(a, AgreementVersion.findFor(a))).toList();
    }

    public AgreementViews.AgreementView get(String slug) {
        Agreement agreement = agreement(slug);
        return AgreementViews.AgreementView.of(agreement, AgreementVersion.findFor(agreement));
    }

    public List<VersionView> versions(String slug) {
        return AgreementVersion.findFor(agreement(slug)).stream().map(v -> VersionView.of(v, publication(v)))
                .toList();
    }

    public VersionView version(String slug, String version) {
        Agreement agreement = agreement(slug);
        AgreementVersion found = "latest".equals(version)
                ? AgreementVersion.findLatest(agreement).orElse(null)
                : AgreementVersion.find(agreement, version).orElse(null);
        if (found == null) {
            throw new NotFoundProblem("Agreement '" + slug + "' has no version " + version);
        }
        return VersionView.of(found, publication(found));
    }

    /**
     * The ledger entry that recorded a version's publication, so that whoever holds a signed text can check it was
     * the one published; null only for a version the ledger does not know, which verify would report.
     */
    private static LedgerRef publication(AgreementVersion v) {
        return AgreementVersion.getSession().doReturningWork(c -> Rows.first(c, "SELECT seq, hash FROM ledger_entry"
                + " WHERE kind = 'agreement.version.published' AND event::jsonb ->> 'agreement' = ?"
                + " AND event::jsonb ->> 'version' = ? ORDER BY seq LIMIT 1",
                rs -> new LedgerRef(rs.getLong(1), rs.getString(2)), v.agreement.slug, v.version).orElse(null));
    }

    /** Published versions never change; the answer says how to make a change instead. */
    public void refuseChange(String slug, String version) {
        version(slug, version);
        throw new ConflictException("Version " + version + " of '" + slug
                + "' is published and can never change or be deleted; publish a new version instead");
    }

    private static Agreement agreement(String slug) {
        return Agreement.findBySlug(slug).orElseThrow(() -> new NotFoundProblem("No agreement '" + slug + "'"));
    }
}
