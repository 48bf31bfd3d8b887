package dev.covenant.project;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed("admin")
public class ProjectResource {

    private final ProjectService projects;

    ProjectResource(ProjectService projects) {
        this.projects = projects;
    }

    @GET
    @Operation(summary = "All projects, or with ?repo=owner/name the one that governs that repository")
    public List<ProjectView> list(@QueryParam("repo") String repo) {
        if (repo != null && !repo.isBlank()) {
            return List.of(projects.governing(repo));
        }
        return projects.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link a GitHub owner or repository to an agreement")
    public Response link(ProjectRequests.NewProject request) {
        ProjectView created = projects.link(request);
        return Response.status(Response.Status.CREATED).entity(created)
                .header("Location", "/api/projects/" + created.id()).build();
    }

    @GET
    @Path("/{id}")
    public ProjectView get(@PathParam("id") long id) {
        return projects.get(id);
    }

    @PUT
    @Path("/{id}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change accepted versions and the allowlist")
    public ProjectView update(@PathParam("id") long id, ProjectRequests.Settings settings) {
        return projects.update(id, settings);
    }

    @POST
    @Path("/{id}/licenses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the license the project has from a date on")
    public ProjectView recordLicense(@PathParam("id") long id, ProjectRequests.NewLicense license) {
        return projects.recordLicense(id, license);
    }
}
