package dev.covenant.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import dev.covenant.project.RepositoryName;
import dev.covenant.web.Caller;
import dev.covenant.web.FormProblems;
import dev.covenant.web.Layout;
import dev.covenant.web.RedirectToSignIn;
import dev.covenant.web.Requests;

/**
 * {@code /admin}: the way in. An admin sees every page; anyone else signed in is asked which repository they
 * maintain, and that repository's page decides (GitHub admin or maintain role).
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AdminIndexResource {

    private final Caller caller;

    AdminIndexResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RedirectToSignIn
    public TemplateInstance index() {
        return AdminPages.index(Layout.Visitor.of(caller), caller.admin(), "", form());
    }

    /** The "your repository" form's one field. */
    private static FormProblems form() {
        return FormProblems.form().field("repository", "repository", "Repository");
    }

    /** The index's "your repository" form, to that repository's page. */
    @GET
    @Path("repos")
    @RedirectToSignIn
    public Response repository(@QueryParam("repository") String repository) {
        String[] parts = repository == null ? new String[0] : repository.strip().split("/", 2);
        String typed = repository == null ? "" : repository.strip();
        if (parts.length != 2) {
            return refused(typed, "Type the repository as owner/name, for example octo-org/widget.");
        }
        try {
            RepositoryName.of(parts[0], parts[1]);
        } catch (dev.covenant.api.InvalidInputException e) {
            return refused(typed, "'" + typed + "' is not a GitHub repository name; type it as owner/name, for"
                    + " example octo-org/widget.");
        }
        return Requests.seeOther("/admin/repos/" + parts[0] + "/" + parts[1]);
    }

    /** The index again, with what was typed and what is wrong with it beside the field and at the top. */
    private Response refused(String typed, String message) {
        return Layout.html(400, AdminPages.index(Layout.Visitor.of(caller), caller.admin(), typed,
                form().reject("repository", message)));
    }
}
