package dev.covenant.signing;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.identity.Person;
import dev.covenant.ledger.CanonicalJson;
import dev.covenant.web.Roles;

/**
 * A person's export for the people who run the service (to answer a request made to them); the person downloads
 * their own at {@code /me/export.json}. Nobody else reads it.
 */
@Path("/api/people/{githubId}/export")
@RolesAllowed(Roles.ADMIN)
public class PersonalExportResource {

    private final PersonalExport export;

    PersonalExportResource(PersonalExport export) {
        this.export = export;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Everything Covenant keeps about a person, as they download it from /me/export.json")
    public Response export(@PathParam("githubId") String githubId) {
        long id = parse(githubId);
        String json = QuarkusTransaction.requiringNew().call(() -> CanonicalJson.write(export.of(Person
                .findByGithubId(id).orElseThrow(() -> new NotFoundProblem("No person with GitHub id " + id)))));
        return Response.ok(json).build();
    }

    private static long parse(String githubId) {
        try {
            long id = Long.parseLong(githubId);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Refused below, naming the field.
        }
        throw new InvalidInputException(List.of(new FieldError("githubId", "must be a GitHub user id (a number)")));
    }
}
