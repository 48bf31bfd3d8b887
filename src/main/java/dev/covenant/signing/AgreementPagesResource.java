package dev.covenant.signing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.covenant.agreement.Agreement;
import dev.covenant.agreement.AgreementKind;
import dev.covenant.agreement.AgreementVersion;
import dev.covenant.agreement.FormValues;
import dev.covenant.agreement.PlainWords;
import dev.covenant.web.Csrf;
import dev.covenant.web.PageException;
import dev.covenant.web.Requests;
import dev.covenant.web.WebSessions;

/** The list of agreements, an agreement's page with its signing form, and the signing itself. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AgreementPagesResource {

    private final WebSessions sessions;
    private final SigningService signing;

    AgreementPagesResource(WebSessions sessions, SigningService signing) {
        this.sessions = sessions;
        this.signing = signing;
    }

    @GET
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance index(@CookieParam(WebSessions.COOKIE) String session) {
        List<SigningPages.AgreementRow> rows = Agreement.listInOrder().stream()
                .map(a -> new SigningPages.AgreementRow(a, AgreementVersion.findLatest(a).orElse(null))).toList();
        return SigningPages.index(SigningPages.Visitor.of(sessions.find(session)), rows);
    }

    @GET
    @Path("agreements/{slug}")
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance agreement(@PathParam("slug") String slug, @QueryParam("repo") String repo,
            @CookieParam(WebSessions.COOKIE) String session) {
        Optional<WebSessions.SignedIn> signedIn = sessions.find(session);
        Agreement agreement = individual(slug);
        AgreementVersion version = latest(agreement);
        Signature existing = signedIn.flatMap(s -> Signature.findActive(s.person().githubId, version)).orElse(null);
        Map<String, String> values = new HashMap<>();
        signedIn.ifPresent(s -> {
            values.put("name", s.person().name == null ? "" : s.person().name);
            s.person().verifiedEmails().stream().findFirst().ifPresent(e -> values.put("email", e));
        });
        return page(signedIn, agreement, version, existing, values, Map.of(), Requests.safeRepo(repo));
    }

    @POST
    @Path("agreements/{slug}/sign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Transactional
    public Response sign(@PathParam("slug") String slug, MultivaluedMap<String, String> form,
            @CookieParam(WebSessions.COOKIE) String session, @jakarta.ws.rs.core.Context HttpServerRequest request) {
        WebSessions.SignedIn signedIn = Csrf.require(sessions.find(session), form.getFirst(Csrf.FIELD));
        Agreement agreement = individual(slug);
        AgreementVersion version = AgreementVersion.find(agreement, String.valueOf(form.getFirst("version")))
                .orElseThrow(() -> PageException.notFound("That version of the agreement does not exist."));
        if (!version.sha256.equals(form.getFirst("sha256"))) {
            throw new PageException(409, "The text changed",
                    "The text you read is not the text of this version. Please reload and read it again.");
        }
        if (AgreementVersion.findLatest(agreement).map(l -> !l.id.equals(version.id)).orElse(true)) {
            throw new PageException(409, "A newer version exists",
                    "Please read and sign the latest version of this agreement.");
        }
        Map<String, String> submitted = new HashMap<>();
        form.forEach((k, v) -> submitted.put(k, v.isEmpty() ? "" : v.get(0)));
        List<String> verified = signedIn.person().verifiedEmails();
        FormValues.Checked checked = FormValues.check(version.formFields(), submitted, verified);
        if (!checked.valid()) {
            String html = page(Optional.of(signedIn), agreement, version, null, submitted, checked.errors(),
                    Requests.safeRepo(form.getFirst("repo"))).render();
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
        }
        Signature signature = signing.sign(signedIn.person(), version, checked.values(), Requests.origin(request));
        return Requests.seeOther("/signatures/" + signature.id);
    }

    private static TemplateInstance page(Optional<WebSessions.SignedIn> signedIn, Agreement agreement,
            AgreementVersion version,
            Signature existing, Map<String, String> values, Map<String, String> errors, String repo) {
        List<String> verified = signedIn.map(s -> s.person().verifiedEmails()).orElse(List.of());
        var terms = version.terms();
        return SigningPages.agreement(SigningPages.Visitor.of(signedIn), agreement, version,
                terms.outboundPolicy().plainWords(terms.outboundLicenses()), PlainWords.grants(terms), existing,
                new SigningPages.FormState(version.formFields(), values, errors, verified), repo);
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
