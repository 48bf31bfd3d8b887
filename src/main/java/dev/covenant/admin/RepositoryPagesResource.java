package dev.covenant.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.PermissionsAllowed;

import dev.covenant.api.InvalidInputException;
import dev.covenant.project.AcceptancePolicy;
import dev.covenant.project.Project;
import dev.covenant.project.ProjectRequests;
import dev.covenant.project.ProjectService;
import dev.covenant.project.ProjectView;
import dev.covenant.project.RepositoryName;
import dev.covenant.relicensing.campaign.ConsentCampaign;
import dev.covenant.web.Caller;
import dev.covenant.web.Layout;
import dev.covenant.web.PageException;
import dev.covenant.web.Requests;
import dev.covenant.web.Roles;

/**
 * One repository, for its maintainers (GitHub admin or maintain role) and admins: its consent campaigns, and the
 * settings of the project linked to exactly this repository. An organisation-wide project governs other
 * repositories too, so only an admin changes it, on the projects page.
 */
@Path("/admin/repos/{owner}/{repo}")
@Produces(MediaType.TEXT_HTML)
@PermissionsAllowed(Roles.MAINTAINER)
public class RepositoryPagesResource {

    private final Caller caller;
    private final ProjectService projects;

    RepositoryPagesResource(Caller caller, ProjectService projects) {
        this.caller = caller;
        this.projects = projects;
    }

    @GET
    public Response page(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @QueryParam("saved") String saved) {
        String repository = repository(owner, repo);
        return QuarkusTransaction.requiringNew().call(() -> {
            ProjectView project = Project.findExact(owner, repo).map(p -> projects.get(p.id)).orElse(null);
            return render(200, repository, project, project == null ? null : form(project), saved != null);
        });
    }

    @POST
    @Path("settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response settings(@PathParam("owner") String owner, @PathParam("repo") String repo,
            MultivaluedMap<String, String> submitted) {
        String repository = repository(owner, repo);
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of("accepts", "acceptsSince", "allowlist", "checkCommitters")) {
            values.put(name, submitted.getFirst(name) == null ? "" : submitted.getFirst(name).strip());
        }
        AdminForm form = AdminForm.of(values, labels());
        long id = QuarkusTransaction.requiringNew().call(() -> Project.findExact(owner, repo).map(p -> p.id))
                .orElseThrow(() -> PageException.notFound("No project is linked to exactly " + repository + "."));
        AcceptancePolicy accepts = "SINCE".equals(values.get("accepts"))
                ? AcceptancePolicy.SINCE
                : AcceptancePolicy.LATEST_MAJOR;
        try {
            projects.update(id, new ProjectRequests.Settings(accepts,
                    accepts == AcceptancePolicy.SINCE || !values.get("acceptsSince").isEmpty()
                            ? values.get("acceptsSince")
                            : null,
                    values.get("allowlist").isEmpty()
                            ? List.of()
                            : List.of(values.get("allowlist").split("\\s*\\R\\s*")),
                    "yes".equals(values.get("checkCommitters"))));
            return Requests.seeOther("/admin/repos/" + owner + "/" + repo + "?saved");
        } catch (InvalidInputException e) {
            form.reject(e.errors(), name -> name.startsWith("allowlist") ? "allowlist" : name);
        }
        return QuarkusTransaction.requiringNew()
                .call(() -> render(400, repository, projects.get(id), form, false));
    }

    private Response render(int status, String repository, ProjectView project, AdminForm form, boolean saved) {
        List<ConsentCampaign> campaigns = ConsentCampaign.listFor(repository);
        return Layout.html(status,
                AdminPages.repository(Layout.Visitor.of(caller), repository, campaigns, project, form, saved));
    }

    private static AdminForm form(ProjectView project) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("accepts", project.accepts().name());
        values.put("acceptsSince", project.acceptsSince() == null ? "" : project.acceptsSince());
        values.put("allowlist", String.join("\n", project.allowlist()));
        values.put("checkCommitters", project.checkCommitters() ? "yes" : "");
        return AdminForm.of(values, labels());
    }

    private static Map<String, String> labels() {
        return Map.of("accepts", "Accepted versions", "acceptsSince", "Accepted since", "allowlist", "Allowlist");
    }

    private static String repository(String owner, String repo) {
        return PageException.orNotFound(() -> RepositoryName.of(owner, repo),
                "There is no repository " + owner + "/" + repo + ".");
    }
}
