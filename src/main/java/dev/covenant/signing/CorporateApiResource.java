package dev.covenant.signing;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.web.Caller;
import dev.covenant.web.Roles;

/**
 * The approval list as JSON, for a company's CLA managers signed in with their browser session. Writes need the
 * session's CSRF token in the {@code X-CSRF-Token} header, as forms do.
 */
@Path("/api/corporate/{id}/approvals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PERSON)
public class CorporateApiResource {

    private final Caller caller;
    private final CorporateService corporate;

    CorporateApiResource(Caller caller, CorporateService corporate) {
        this.caller = caller;
        this.corporate = corporate;
    }

    public record ApprovalView(long id, Approval.Kind kind, String value, LocalDate validFrom, LocalDate validUntil) {
        static ApprovalView of(Approval a) {
            return new ApprovalView(a.id, a.kind, a.value, a.validFrom, a.validUntil);
        }
    }

    @GET
    @Operation(summary = "The approval list of a corporate agreement you manage")
    @Transactional
    public Response list(@PathParam("id") String id) {
        CorporateAgreement agreement = managed(id);
        return Response.ok(Approval.activeOf(agreement.id).stream().map(ApprovalView::of).toList()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a GitHub user, e-mail address, domain or organisation to the list")
    @Transactional
    public Response add(@PathParam("id") String id, ApprovalInput input) {
        CorporateAgreement agreement = managed(id);
        if (input == null) {
            throw InvalidInputException.of("body", "is required");
        }
        Map<String, String> problems = input.problems(corporate.today());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    problems.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList());
        }
        Approval approval = corporate.addApproval(caller.signedIn(), agreement.id, input);
        return Response.status(Response.Status.CREATED).entity(ApprovalView.of(approval)).build();
    }

    @DELETE
    @Path("{approval}")
    @Operation(summary = "Remove a line from the list; contributions made while it was valid stay covered")
    @Transactional
    public Response remove(@PathParam("id") String id, @PathParam("approval") long approval) {
        corporate.removeApproval(caller.signedIn(), managed(id).id, approval);
        return Response.noContent().build();
    }

    private CorporateAgreement managed(String id) {
        UUID uuid = CorporatePagesResource.uuid(id);
        return corporate.managed(caller.signedIn(), uuid);
    }
}
