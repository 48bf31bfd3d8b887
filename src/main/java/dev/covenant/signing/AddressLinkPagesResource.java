package dev.covenant.signing;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.PermissionsAllowed;

import dev.covenant.api.ConflictException;
import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.web.Caller;
import dev.covenant.web.FormProblems;
import dev.covenant.web.Layout;
import dev.covenant.web.PageException;
import dev.covenant.web.Roles;

/**
 * The relicensing page's address links, for the repository's maintainers: the links in force, a form that links an
 * address to a GitHub account or a named person with a reason, and a button that ends a link. Refused input comes
 * back on the page, with a 400, naming the field.
 */
@Path("/repos/{owner}/{repo}/relicensing/links")
@Produces(MediaType.TEXT_HTML)
@PermissionsAllowed(Roles.MAINTAINER)
public class AddressLinkPagesResource {

    @CheckedTemplate(basePath = "relicensing")
    static class Pages {
        static native TemplateInstance links(Layout.Visitor visitor, String repository, List<LinkView> links,
                FormProblems errors, AddressLinkResource.LinkRequest form);

        static native TemplateInstance removeLink(Layout.Visitor visitor, String repository, LinkView link);
    }

    private final AddressLinks links;
    private final Caller caller;

    AddressLinkPagesResource(AddressLinks links, Caller caller) {
        this.links = links;
        this.caller = caller;
    }

    @GET
    public Response page(@PathParam("owner") String owner, @PathParam("repo") String repo) {
        return page(governed(owner, repo), 200, List.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @FormParam("email") String email, @FormParam("githubId") String githubId,
            @FormParam("login") String login, @FormParam("name") String name,
            @FormParam("contactEmail") String contactEmail, @FormParam("reason") String reason) {
        String repository = governed(owner, repo);
        var form = new AddressLinkResource.LinkRequest(email, githubId, login, name, contactEmail, reason);
        try {
            links.link(repository, LinkInput.check(email, githubId, login, name, contactEmail, reason),
                    caller.describe());
        } catch (InvalidInputException e) {
            return page(repository, 400, e.errors(), form);
        } catch (ConflictException e) {
            return page(repository, 409, List.of(new FieldError("email", e.getMessage())), form);
        }
        return Response.seeOther(URI.create("/repos/" + repository + "/relicensing/links")).build();
    }

    /** The first click: which link ends and what that does; nothing changes yet. */
    @GET
    @Path("remove")
    public Response confirmUnlink(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @QueryParam("email") String email) {
        String repository = governed(owner, repo);
        LinkView link = links.of(repository).stream().filter(l -> l.email().equalsIgnoreCase(String.valueOf(email)))
                .findFirst().orElseThrow(() -> PageException.notFound("No link of that address is in force."));
        return Layout.html(200, Pages.removeLink(Layout.Visitor.of(caller), repository, link));
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlink(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @FormParam("email") String email) {
        String repository = governed(owner, repo);
        try {
            links.unlink(repository, email, caller.describe());
        } catch (NotFoundProblem e) {
            throw PageException.notFound(e.getMessage());
        }
        return Response.seeOther(URI.create("/repos/" + repository + "/relicensing/links")).build();
    }

    private Response page(String repository, int status, List<FieldError> errors,
            AddressLinkResource.LinkRequest form) {
        FormProblems problems = FormProblems.form().field("email", "link-email", "Commit address")
                .field("login", "link-login", "Login").field("githubId", "link-id", "GitHub user id")
                .field("name", "link-name", "Name").field("contactEmail", "link-contact", "Contact e-mail")
                .field("reason", "link-reason", "Reason");
        errors.forEach(e -> problems.reject(e.field(), e.message()));
        return Layout.html(status, Pages.links(Layout.Visitor.of(caller), repository, links.of(repository),
                problems, form == null ? new AddressLinkResource.LinkRequest("", "", "", "", "", "") : form));
    }

    private static String governed(String owner, String repo) {
        try {
            return AddressLinkResource.governed(owner, repo);
        } catch (NotFoundProblem e) {
            throw PageException.notFound(e.getMessage());
        }
    }
}
