package dev.covenant.signing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import dev.covenant.ledger.CanonicalJson;
import dev.covenant.ledger.LedgerEntry;
import dev.covenant.web.Caller;
import dev.covenant.web.Layout;
import dev.covenant.web.PageException;
import dev.covenant.web.RedirectToSignIn;
import dev.covenant.web.Requests;
import dev.covenant.web.Roles;

/** Receipts, revocation, and a person's own page and data; nobody sees another person's. */
@Path("/")
@RolesAllowed(Roles.PERSON)
public class SignaturePagesResource {

    private final Caller caller;
    private final SigningService signing;
    private final CoveredProjects coveredProjects;
    private final PersonalExport export;

    SignaturePagesResource(Caller caller, SigningService signing, CoveredProjects coveredProjects,
            PersonalExport export) {
        this.caller = caller;
        this.signing = signing;
        this.coveredProjects = coveredProjects;
        this.export = export;
    }

    @GET
    @Path("signatures/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance receipt(@PathParam("id") String id) {
        Signature signature = own(id);
        LedgerEntry entry = LedgerEntry.findById(signature.ledgerSeq);
        return SigningPages.receipt(Layout.Visitor.of(caller), signature, entry.hash, fields(signature.fields));
    }

    @GET
    @Path("signatures/{id}.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response receiptJson(@PathParam("id") String id) {
        Signature signature = own(id);
        return Response.ok(CanonicalJson.write(receiptTree(signature)))
                .header("Content-Disposition", "attachment; filename=\"signature-" + signature.id + ".json\"").build();
    }

    /** The first click: what revoking will do, and the form that does it; nothing changes yet. */
    @GET
    @Path("signatures/{id}/revoke")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance confirmRevoke(@PathParam("id") String id) {
        return SigningPages.revoke(Layout.Visitor.of(caller), own(id));
    }

    @POST
    @Path("signatures/{id}/revoke")
    @Transactional
    public Response revoke(@PathParam("id") String id) {
        signing.revoke(caller.signedIn(), own(id).id);
        return Requests.seeOther("/me");
    }

    /**
     * The person's own page. Not one transaction: whether they are covered may need GitHub (organisation members),
     * which is asked before the page's records are read.
     */
    @GET
    @Path("me")
    @Produces(MediaType.TEXT_HTML)
    @RedirectToSignIn
    public Response me() {
        Person person = caller.signedIn();
        CoveredProjects.Standing standing = coveredProjects.of(person.githubId, person.login);
        String html = QuarkusTransaction.requiringNew().call(() -> SigningPages.me(Layout.Visitor.of(caller),
                Signature.findByPerson(person.githubId), standing.covered(), standing.signAgain(),
                CorporateAgreement.managedBy(person.githubId)).render());
        return Response.ok(html).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("me/export.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export() {
        Person person = caller.signedIn();
        return Response.ok(CanonicalJson.write(export.of(person)))
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
        if (s.importSource != null) {
            tree.set("source", CanonicalJson.read(s.importSource));
        }
        if (s.signedByComment != null) {
            tree.set("comment", CanonicalJson.read(s.signedByComment));
        }
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

    private Signature own(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw PageException.notFound("There is no such signature.");
        }
        return Signature.<Signature>findByIdOptional(uuid).filter(s -> s.githubId == caller.signedIn().githubId)
                .orElseThrow(() -> PageException.notFound("There is no such signature among yours."));
    }
}
