package dev.covenant.signing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.covenant.agreement.Agreement;
import dev.covenant.agreement.AgreementKind;
import dev.covenant.agreement.AgreementVersion;
import dev.covenant.agreement.PlainWords;
import dev.covenant.identity.Person;
import dev.covenant.web.Caller;
import dev.covenant.web.FormDrafts;
import dev.covenant.web.Layout;
import dev.covenant.web.PageException;
import dev.covenant.web.Requests;

/** The list of agreements, an agreement's page with its signing form, and the signing itself. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AgreementPagesResource {

    private final Caller caller;
    private final SigningBatcher batcher;
    private final FormDrafts drafts;

    AgreementPagesResource(Caller caller, SigningBatcher batcher, FormDrafts drafts) {
        this.caller = caller;
        this.batcher = batcher;
        this.drafts = drafts;
    }

    @GET
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance index() {
        List<SigningPages.AgreementRow> rows = Agreement.listInOrder().stream()
                .map(a -> new SigningPages.AgreementRow(a, AgreementVersion.findLatest(a).orElse(null))).toList();
        return SigningPages.index(Layout.Visitor.of(caller), rows);
    }

    @GET
    @Path("agreements/{slug}")
    @Operation(hidden = true)
    @Transactional
    public Response agreement(@PathParam("slug") String slug, @QueryParam("repo") String repo,
            @Context HttpHeaders headers) {
        Optional<Person> signedIn = caller.person();
        Agreement agreement = individual(slug);
        AgreementVersion version = latest(agreement);
        Signature existing = signedIn.flatMap(p -> Signature.findActive(p.githubId, version)).orElse(null);
        Map<String, String> values = new HashMap<>();
        signedIn.ifPresent(p -> {
            values.put("name", p.name == null ? "" : p.name);
            p.verifiedEmails().stream().findFirst().ifPresent(e -> values.put("email", e));
        });
        // A form sent after its session ended comes back filled in with what was typed, once.
        Optional<Map<String, String>> kept = signedIn.isPresent()
                ? FormDrafts.of(headers, formPage(slug, Requests.safeRepo(repo)))
                : Optional.empty();
        kept.ifPresent(values::putAll);
        Response page = Layout.html(200, page(agreement, version, existing, values, Map.of(),
                Requests.safeRepo(repo)));
        return drafts.shown(page, kept.isPresent());
    }

    /** The signing form's page, where sign-in comes back to. */
    private static String formPage(String slug, String repo) {
        return "/agreements/" + slug + (repo == null ? "" : "?repo=" + repo);
    }

    @POST
    @Path("agreements/{slug}/sign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response sign(@PathParam("slug") String slug, MultivaluedMap<String, String> form,
            @jakarta.ws.rs.core.Context HttpServerRequest request) {
        // Only a signed-in person signs; one whose session ended meanwhile signs in again and finds the form filled.
        if (caller.person().isEmpty()) {
            return drafts.signInKeeping(formPage(slug, Requests.safeRepo(form.getFirst("repo"))), form);
        }
        // The form is checked and the signature recorded by the batcher, with those of everyone signing at the same
        // moment, in one transaction; this request holds no connection meanwhile.
        Map<String, String> submitted = new HashMap<>();
        form.forEach((k, v) -> submitted.put(k, v.isEmpty() ? "" : v.get(0)));
        try {
            UUID signature = batcher.sign(new SignClicks.Click(caller.signedIn().githubId, slug, submitted,
                    Origin.of(request)));
            return Requests.seeOther("/signatures/" + signature);
        } catch (SignClicks.Refused refused) {
            return QuarkusTransaction.requiringNew().call(() -> Layout.html(400, page(individual(slug),
                    AgreementVersion.findById(refused.versionId), null, refused.submitted, refused.errors,
                    Requests.safeRepo(form.getFirst("repo")))));
        }
    }

    private TemplateInstance page(Agreement agreement, AgreementVersion version, Signature existing,
            Map<String, String> values, Map<String, String> errors, String repo) {
        List<String> verified = caller.person().map(Person::verifiedEmails).orElse(List.of());
        var terms = version.terms();
        return SigningPages.agreement(Layout.Visitor.of(caller), agreement, version,
                terms.outboundPolicy().plainWords(terms.outboundLicenses()), PlainWords.grants(terms), existing,
                new SigningPages.FormState(version.formFields(), values, errors, verified), repo,
                AgreementVersion.findFor(agreement));
    }

    private static Agreement individual(String slug) {
        return Agreement.findBySlug(slug).filter(a -> a.kind == AgreementKind.INDIVIDUAL)
                .orElseThrow(() -> PageException.notFound("There is no individual agreement called '" + slug + "'."));
    }

    static AgreementVersion latest(Agreement agreement) {
        return AgreementVersion.findLatest(agreement)
                .orElseThrow(() -> PageException.notFound("This agreement has no published version yet."));
    }
}
