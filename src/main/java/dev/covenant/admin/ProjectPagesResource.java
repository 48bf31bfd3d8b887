package dev.covenant.admin;

import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.covenant.agreement.Agreement;
import dev.covenant.agreement.AgreementKind;
import dev.covenant.api.ConflictException;
import dev.covenant.api.InvalidInputException;
import dev.covenant.project.ProjectService;
import dev.covenant.web.Caller;
import dev.covenant.web.Layout;
import dev.covenant.web.Requests;
import dev.covenant.web.Roles;

/** The linked projects, and linking an organisation or a repository to an agreement ({@link ProjectService}). */
@Path("/admin/projects")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class ProjectPagesResource {

    private final Caller caller;
    private final ProjectService projects;

    ProjectPagesResource(Caller caller, ProjectService projects) {
        this.caller = caller;
        this.projects = projects;
    }

    @GET
    public Response list(@QueryParam("linked") String linked) {
        return page(200, ProjectForm.empty(), Requests.safeRepo(linked) != null || isOwner(linked) ? linked : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(MultivaluedMap<String, String> form) {
        Map<String, String> submitted = new HashMap<>();
        form.forEach((k, v) -> submitted.put(k, v.isEmpty() ? "" : v.get(0)));
        ProjectForm.Read read = ProjectForm.read(submitted);
        try {
            var linked = projects.link(read.request());
            return Requests.seeOther("/admin/projects?linked=" + linked.scope());
        } catch (InvalidInputException e) {
            read.form().reject(e.errors(), name -> ProjectForm.fieldOf(name, read.rows()));
        } catch (ConflictException e) {
            read.form().reject("scope", e.getMessage());
        }
        return page(400, read.form(), null);
    }

    private Response page(int status, AdminForm form, String linked) {
        return QuarkusTransaction.requiringNew().call(() -> Layout.html(status,
                AdminPages.projects(Layout.Visitor.of(caller), projects.list(),
                        Agreement.listInOrder().stream().filter(a -> a.kind == AgreementKind.INDIVIDUAL).toList(),
                        Agreement.listInOrder().stream().filter(a -> a.kind == AgreementKind.CORPORATE).toList(),
                        form, linked)));
    }

    private static boolean isOwner(String value) {
        return value != null && value.matches("[A-Za-z0-9-]{1,39}");
    }
}
