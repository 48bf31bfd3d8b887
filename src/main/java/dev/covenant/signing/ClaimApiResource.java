package dev.covenant.signing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.covenant.api.InvalidInputException;
import dev.covenant.web.Caller;
import dev.covenant.web.Roles;

/**
 * A signed-in person claims a commit address by proving they read its mail: ask for a code, then enter it. A wrong or
 * expired code is a 400 naming {@code code}; too many wrong codes lock the claim (429 saying until when).
 */
@Path("/api/me/addresses")
@RolesAllowed(Roles.PERSON)
@Produces(MediaType.APPLICATION_JSON)
public class ClaimApiResource {

    /** A request for a code ({@code email}), or a code entered ({@code email} and {@code code}). */
    public record ClaimRequest(String email, String code) {
    }

    private final AddressClaims claims;
    private final Caller caller;

    private final Clock clock;

    ClaimApiResource(AddressClaims claims, Caller caller, Clock clock) {
        this.claims = claims;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Your claims of commit addresses, verified or waiting for their code")
    public List<AddressClaims.Claim> list() {
        return claims.of(caller.signedIn());
    }

    @POST
    @Path("claims")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mails a one-time code to the address (202); 429 while the claim is locked")
    public Response request(ClaimRequest request) {
        return ClaimAnswers.json(claims.request(caller.signedIn(), email(request)), Instant.now(clock));
    }

    @POST
    @Path("claims/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enters the code: the address becomes one of your verified addresses (a ledger entry)."
            + " 400 naming code when it is wrong or expired; 429 once the claim is locked")
    public Response verify(ClaimRequest request) {
        return ClaimAnswers.json(claims.verify(caller.signedIn(), email(request), request.code()), Instant.now(clock));
    }

    private static String email(ClaimRequest request) {
        if (request == null) {
            throw InvalidInputException.of("email", "is required: the address to claim");
        }
        return request.email();
    }
}
