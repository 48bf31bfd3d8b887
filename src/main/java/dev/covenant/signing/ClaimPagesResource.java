package dev.covenant.signing;

import java.util.List;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.covenant.api.InvalidInputException;
import dev.covenant.web.Caller;
import dev.covenant.web.FormProblems;
import dev.covenant.web.Layout;
import dev.covenant.web.PeopleDates;
import dev.covenant.web.RedirectToSignIn;
import dev.covenant.web.Roles;

/**
 * A person's addresses page: the addresses they claimed, a form that mails a code to another one, and a form to
 * enter the code. Errors come back on the page with the status the API would answer (400, 429).
 */
@Path("/me/addresses")
@RolesAllowed(Roles.PERSON)
@Produces(MediaType.TEXT_HTML)
public class ClaimPagesResource {

    @CheckedTemplate(basePath = "signing")
    static class Pages {
        static native TemplateInstance addresses(Layout.Visitor visitor, List<AddressClaims.Claim> claims,
                String email, String notice, FormProblems errors);
    }

    private final AddressClaims claims;
    private final Caller caller;

    ClaimPagesResource(AddressClaims claims, Caller caller) {
        this.claims = claims;
        this.caller = caller;
    }

    @GET
    @RedirectToSignIn
    public Response page(@QueryParam("email") String email, @QueryParam("sent") String sent) {
        return page(200, email, sent == null ? null : "A code was mailed to " + sent + ". Enter it below.", errors());
    }

    @POST
    @Path("claims")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(@FormParam("email") String email) {
        return answer("claim-", email, () -> claims.request(caller.signedIn(), email));
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@FormParam("email") String email, @FormParam("code") String code) {
        return answer("verify-", email, () -> claims.verify(caller.signedIn(), email, code));
    }

    /** {@code form}: which of the two forms was sent, as its fields' ids begin. */
    private Response answer(String form, String email, Supplier<ClaimOutcome> action) {
        ClaimOutcome outcome;
        try {
            outcome = action.get();
        } catch (InvalidInputException e) {
            FormProblems errors = errors();
            e.errors().forEach(error -> errors.reject(form + error.field(), error.message()));
            return page(400, email, null, errors);
        }
        String message = ClaimAnswers.message(outcome, PeopleDates::text);
        return switch (outcome.kind()) {
            case SENT, VERIFIED, ALREADY_VERIFIED -> page(200, outcome.email(), message, errors());
            case LOCKED, TOO_MANY_CODES -> page(429, outcome.email(), null, errors().reject(form + "email", message));
            case NO_CODE -> page(400, outcome.email(), null, errors().reject(form + "email", message));
            case EXPIRED, WRONG -> page(400, outcome.email(), null, errors().reject(form + "code", message));
        };
    }

    /** The fields of both forms: the field of a problem says which form it belongs to. */
    private static FormProblems errors() {
        return FormProblems.form().field("claim-email", "claim-email", "E-mail address")
                .field("verify-email", "verify-email", "E-mail address").field("verify-code", "verify-code", "Code");
    }

    private Response page(int status, String email, String notice, FormProblems errors) {
        return Layout.html(status, Pages.addresses(Layout.Visitor.of(caller), claims.of(caller.signedIn()),
                email == null ? "" : email, notice, errors));
    }
}
