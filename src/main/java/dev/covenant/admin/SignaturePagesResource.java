package dev.covenant.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.qute.TemplateInstance;

import dev.covenant.agreement.Agreement;
import dev.covenant.identity.Person;
import dev.covenant.signing.Signature;
import dev.covenant.signing.SigningService;
import dev.covenant.web.Caller;
import dev.covenant.web.Layout;
import dev.covenant.web.PageException;
import dev.covenant.web.Requests;
import dev.covenant.web.Roles;

/**
 * The signatures of an agreement, newest first, searched by login or name, a page at a time; revoking one after a
 * confirmation ({@link SigningService#revokeAsAdmin}); the CSV is the API's export.
 */
@Path("/admin/agreements/{slug}/signatures")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class SignaturePagesResource {

    static final int PAGE_SIZE = 50;

    private final Caller caller;
    private final SigningService signing;

    SignaturePagesResource(Caller caller, SigningService signing) {
        this.caller = caller;
        this.signing = signing;
    }

    @GET
    @Transactional
    public TemplateInstance list(@PathParam("slug") String slug, @QueryParam("q") String q,
            @QueryParam("page") String pageValue) {
        Agreement agreement = PublishPagesResource.agreement(slug);
        String query = q == null ? "" : q.strip();
        PanacheQuery<Signature> found = query.isEmpty()
                ? Signature.find("version.agreement = ?1 order by signedAt desc, id", agreement)
                : Signature.find("version.agreement = ?1 and githubId in (select p.githubId from Person p"
                        + " where lower(p.login) like ?2 escape '!' or lower(coalesce(p.name, '')) like ?2 escape '!')"
                        + " order by signedAt desc, id", agreement, "%" + like(query) + "%");
        long total = found.count();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(pages, Math.max(1, parse(pageValue)));
        List<Signature> signatures = found.page(Page.of(page - 1, PAGE_SIZE)).list();
        Map<Long, Person> people = Person.<Person>list("githubId in ?1",
                signatures.stream().map(s -> s.githubId).distinct().toList()).stream()
                .collect(Collectors.toMap(p -> p.githubId, Function.identity()));
        String base = "/admin/agreements/" + slug + "/signatures?"
                + (query.isEmpty() ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&") + "page=";
        AdminPages.Paged paged = new AdminPages.Paged(page, pages, total, page > 1 ? base + (page - 1) : null,
                page < pages ? base + (page + 1) : null);
        return AdminPages.signatures(Layout.Visitor.of(caller), agreement,
                signatures.stream().map(s -> row(s, people.get(s.githubId))).toList(), query, paged);
    }

    /** The first click: whose signature, and what revoking does; nothing changes yet. */
    @GET
    @Path("{id}/revoke")
    @Transactional
    public TemplateInstance confirmRevoke(@PathParam("slug") String slug, @PathParam("id") String id) {
        Signature signature = signature(slug, id);
        return AdminPages.revoke(Layout.Visitor.of(caller), signature.version.agreement,
                row(signature, Person.<Person>findByIdOptional(signature.githubId).orElse(null)));
    }

    @POST
    @Path("{id}/revoke")
    @Transactional
    public Response revoke(@PathParam("slug") String slug, @PathParam("id") String id) {
        signing.revokeAsAdmin(signature(slug, id).id, caller.describe());
        return Requests.seeOther("/admin/agreements/" + slug + "/signatures");
    }

    private static AdminPages.SignatureRow row(Signature s, Person person) {
        return new AdminPages.SignatureRow(s.id.toString(), person == null ? "" : person.login,
                person == null || person.name == null ? "" : person.name, s.version.version, s.signedAt,
                s.revokedAt);
    }

    /** A signature of this agreement. */
    private static Signature signature(String slug, String id) {
        try {
            return Signature.<Signature>findByIdOptional(UUID.fromString(id))
                    .filter(s -> s.version.agreement.slug.equals(slug))
                    .orElseThrow(() -> PageException.notFound("There is no such signature."));
        } catch (IllegalArgumentException e) {
            throw PageException.notFound("There is no such signature.");
        }
    }

    private static String like(String text) {
        return text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static int parse(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
