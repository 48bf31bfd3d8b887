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
import dev.covenant.web.Layout;
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
                String email, String notice, String error);
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
        return page(200, email, sent == null ? null : "A code was mailed to " + sent + ". Enter it below.", null);
    }

    @POST
    @Path("claims")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(@FormParam("email") String email) {
        return answer(email, () -> claims.request(caller.signedIn(), email));
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@FormParam("email") String email, @FormParam("code") String code) {
        return answer(email, () -> claims.verify(caller.signedIn(), email, code));
    }

    private Response answer(String email, Supplier<ClaimOutcome> action) {
        ClaimOutcome outcome;
        try {
            outcome = action.get();
        } catch (InvalidInputException e) {
            return page(400, email, null, e.errors().get(0).field() + " " + e.errors().get(0).message());
        }
        return switch (outcome.kind()) {
            case SENT, VERIFIED, ALREADY_VERIFIED -> page(200, outcome.email(), ClaimAnswers.message(outcome), null);
            case LOCKED, TOO_MANY_CODES -> page(429, outcome.email(), null, ClaimAnswers.message(outcome));
            case NO_CODE -> page(400, outcome.email(), null, "The e-mail address: " + ClaimAnswers.message(outcome)
                    + ".");
            case EXPIRED, WRONG -> page(400, outcome.email(), null, "The code " + ClaimAnswers.message(outcome)
                    + ".");
        };
    }

    private Response page(int status, String email, String notice, String error) {
        return Layout.html(status, Pages.addresses(Layout.Visitor.of(caller), claims.of(caller.signedIn()),
                email == null ? "" : email, notice, error));
    }
}
