package dev.covenant.signing;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.PermissionsAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.project.Project;
import dev.covenant.project.RepositoryName;
import dev.covenant.web.Caller;
import dev.covenant.web.Roles;

/**
 * A repository's maintainers link commit addresses that can never sign in to a person, for that repository's
 * relicensing report (and so its blame verdicts and campaigns). Every change is a ledger entry.
 */
@Path("/api/repos/{owner}/{repo}/relicensing/links")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AddressLinkResource {

    /** A link as asked for: {@code githubId} or {@code login}, or {@code name} and {@code contactEmail}. */
    public record LinkRequest(String email, String githubId, String login, String name, String contactEmail,
            String reason) {
    }

    private final AddressLinks links;
    private final Caller caller;

    AddressLinkResource(AddressLinks links, Caller caller) {
        this.links = links;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Roles.MAINTAINER)
    @Operation(summary = "The addresses linked to a person in this repository, with why, by whom, and the ledger entry")
    public List<LinkView> list(@PathParam("owner") String owner, @PathParam("repo") String repo) {
        return links.of(governed(owner, repo));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Roles.MAINTAINER)
    @Operation(summary = "Links a commit address to a GitHub account (githubId or login) or to a person without one"
            + " (name and contactEmail), with a reason; the report then counts its commits as that person's."
            + " 409 when the address is linked already")
    public Response link(@PathParam("owner") String owner, @PathParam("repo") String repo, LinkRequest request) {
        if (request == null) {
            throw InvalidInputException.of("email", "is required: send a JSON object with email, reason and the"
                    + " person");
        }
        String repository = governed(owner, repo);
        LinkInput.Valid valid = LinkInput.check(request.email(), request.githubId(), request.login(), request.name(),
                request.contactEmail(), request.reason());
        LinkView link = links.link(repository, valid, caller.describe());
        return Response.created(URI.create("/api/repos/" + repository + "/relicensing/links")).entity(link).build();
    }

    @DELETE
    @Path("{email}")
    @PermissionsAllowed(Roles.MAINTAINER)
    @Operation(summary = "Ends the link of an address (recorded in the ledger; the link stays in its history)")
    public Response unlink(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @PathParam("email") String email) {
        links.unlink(governed(owner, repo), email, caller.describe());
        return Response.noContent().build();
    }

    /** {@code owner/repo} if a project governs it; 404 otherwise. */
    static String governed(String owner, String repo) {
        String repository = RepositoryName.of(owner, repo);
        if (!QuarkusTransaction.joiningExisting().call(() -> Project.findGoverning(owner, repo).isPresent())) {
            throw new NotFoundProblem("No project governs " + repository);
        }
        return repository;
    }
}
