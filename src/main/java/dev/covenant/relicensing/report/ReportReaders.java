package dev.covenant.relicensing.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import dev.covenant.api.Problem;
import dev.covenant.web.MaintainerAccess;
import dev.covenant.web.WebSessions;

/**
 * Tells who asks for a report through the API: an admin token ({@code BearerTokenFilter} has checked it when the
 * header is there), a maintainer, or another signed-in person, who gets their own part; nobody else.
 */
@ApplicationScoped
public class ReportReaders {

    private final MaintainerAccess access;

    ReportReaders(MaintainerAccess access) {
        this.access = access;
    }

    ReportReader of(String owner, String repo, String authorization, String session) {
        if (authorization != null) {
            return ReportReader.admin();
        }
        WebSessions.SignedIn signedIn = access.signedIn(session).orElseThrow(() -> new WebApplicationException(
                Problem.of(Response.Status.UNAUTHORIZED, "Sign in with GitHub, or send a bearer token").toResponse()));
        return ReportReader.of(signedIn.person(), access.maintains(owner, repo, signedIn.person()));
    }
}
