package dev.covenant.signing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateInstance;

import dev.covenant.identity.Person;
import dev.covenant.identity.PersonEmail;
import dev.covenant.ledger.CanonicalJson;
import dev.covenant.ledger.LedgerEntry;
import dev.covenant.web.Csrf;
import dev.covenant.web.PageException;
import dev.covenant.web.Requests;
import dev.covenant.web.WebSessions;

/** Receipts, revocation, and a person's own page and data; nobody sees another person's. */
@Path("/")
public class SignaturePagesResource {

    private final WebSessions sessions;
    private final SigningService signing;
    private final CoveredProjects coveredProjects;

    SignaturePagesResource(WebSessions sessions, SigningService signing, CoveredProjects coveredProjects) {
        this.sessions = sessions;
        this.signing = signing;
        this.coveredProjects = coveredProjects;
    }

    @GET
    @Path("signatures/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance receipt(@PathParam("id") String id, @CookieParam(WebSessions.COOKIE) String session) {
        WebSessions.SignedIn signedIn = signedIn(session);
        Signature signature = own(signedIn, id);
        LedgerEntry entry = LedgerEntry.findById(signature.ledgerSeq);
        return SigningPages.receipt(SigningPages.Visitor.of(java.util.Optional.of(signedIn)), signature, entry.hash,
                fields(signature.fields));
    }

    @GET
    @Path("signatures/{id}.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response receiptJson(@PathParam("id") String id, @CookieParam(WebSessions.COOKIE) String session) {
        Signature signature = own(signedIn(session), id);
        return Response.ok(CanonicalJson.write(receiptTree(signature)))
                .header("Content-Disposition", "attachment; filename=\"signature-" + signature.id + ".json\"").build();
    }

    @POST
    @Path("signatures/{id}/revoke")
    @Transactional
    public Response revoke(@PathParam("id") String id, @FormParam(Csrf.FIELD) String csrf,
            @CookieParam(WebSessions.COOKIE) String session) {
        WebSessions.SignedIn signedIn = Csrf.require(sessions.find(session), csrf);
        signing.revoke(signedIn.person(), own(signedIn, id).id);
        return Requests.seeOther("/me");
    }

    /**
     * The person's own page. Not one transaction: whether they are covered may need GitHub (organisation members),
     * which is asked before the page's records are read.
     */
    @GET
    @Path("me")
    @Produces(MediaType.TEXT_HTML)
    public Response me(@CookieParam(WebSessions.COOKIE) String session) {
        var signedIn = QuarkusTransaction.requiringNew().call(() -> sessions.find(session));
        if (signedIn.isEmpty()) {
            return Requests.seeOther("/login?next=/me");
        }
        Person person = signedIn.get().person();
        List<CoveredProjects.CoveredProject> covered = coveredProjects.of(person.githubId, person.login);
        String html = QuarkusTransaction.requiringNew().call(() -> SigningPages.me(SigningPages.Visitor.of(signedIn),
                Signature.findByPerson(person.githubId), covered, CorporateAgreement.managedBy(person.githubId))
                .render());
        return Response.ok(html).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("me/export.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response export(@CookieParam(WebSessions.COOKIE) String session) {
        Person person = signedIn(session).person();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("githubId", person.githubId);
        root.put("login", person.login);
        root.put("name", person.name);
        root.put("firstSeenAt", person.firstSeenAt.toString());
        var emails = root.putArray("emails");
        PersonEmail.<PersonEmail>list("githubId", person.githubId).forEach(e -> emails.addObject()
                .put("email", e.email).put("verified", e.verified).put("primary", e.primary));
        var signatures = root.putArray("signatures");
        Signature.findByPerson(person.githubId).forEach(s -> signatures.add(receiptTree(s)));
        var corporate = root.putArray("corporateAgreementsSigned");
        CorporateAgreement.<CorporateAgreement>list("signatoryGithubId", person.githubId)
                .forEach(c -> corporate.addObject()
                        .put("id", c.id.toString()).put("company", c.company).put("title", c.signatoryTitle)
                        .put("contactEmail", c.contactEmail).put("signedAt", c.signedAt.toString()));
        return Response.ok(CanonicalJson.write(root))
                .header("Content-Disposition", "attachment; filename=\"covenant-" + person.login + ".json\"").build();
    }

    static ObjectNode receiptTree(Signature s) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("signature", s.id.toString());
        tree.put("githubId", s.githubId);
        tree.put("agreement", s.version.agreement.slug);
        tree.put("title", s.version.agreement.title);
        tree.put("version", s.version.version);
        tree.put("sha256", s.textSha256);
        tree.put("signedAt", s.signedAt.toString());
        tree.put("revokedAt", s.revokedAt == null ? null : s.revokedAt.toString());
        tree.set("fields", CanonicalJson.read(s.fields));
        LedgerEntry entry = LedgerEntry.findById(s.ledgerSeq);
        tree.putObject("ledgerEntry").put("seq", entry.seq).put("hash", entry.hash);
        return tree;
    }

    private static Map<String, String> fields(String json) {
        Map<String, String> result = new LinkedHashMap<>();
        JsonNode node = CanonicalJson.read(json);
        node.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }

    private WebSessions.SignedIn signedIn(String session) {
        return sessions.find(session).orElseThrow(() -> new PageException(401, "Please sign in",
                "Sign in with GitHub to see your signatures."));
    }

    private static Signature own(WebSessions.SignedIn signedIn, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw PageException.notFound("There is no such signature.");
        }
        return Signature.<Signature>findByIdOptional(uuid).filter(s -> s.githubId == signedIn.person().githubId)
                .orElseThrow(() -> PageException.notFound("There is no such signature among yours."));
    }
}
