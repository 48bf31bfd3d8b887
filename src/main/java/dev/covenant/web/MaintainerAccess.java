package dev.covenant.web;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import dev.covenant.api.Problem;
import dev.covenant.github.RepositoryPermissions;
import dev.covenant.identity.Person;

/**
 * Who may read and change a repository's relicensing data: the people who run the service (an admin token, which
 * {@code BearerTokenFilter} has already checked when the header is there) and the repository's maintainers, signed
 * in with GitHub, whose admin or maintain role GitHub confirms through the App. A maintainer's change also needs
 * the session's CSRF token in {@code X-CSRF-Token}.
 */
@ApplicationScoped
public class MaintainerAccess {

    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final WebSessions sessions;
    private final RepositoryPermissions permissions;

    MaintainerAccess(WebSessions sessions, RepositoryPermissions permissions) {
        this.sessions = sessions;
        this.permissions = permissions;
    }

    /** The caller: an admin token ({@code person} empty) or a signed-in maintainer. */
    public record Caller(boolean admin, Optional<Person> person) {

        public String describe() {
            return person.map(p -> "@" + p.login).orElse("an admin token");
        }
    }

    /** For reads: a bearer token (already checked by the filter), or a maintainer's session; else 401 or 403. */
    public Caller read(String owner, String repo, String authorization, String session) {
        return require(owner, repo, authorization, session, null, false);
    }

    /** For changes: as {@link #read}, and a session must also send its CSRF token. */
    public Caller write(String owner, String repo, String authorization, String session, String csrf) {
        return require(owner, repo, authorization, session, csrf, true);
    }

    /** The signed-in person behind a session cookie, whoever they are (for a contributor's own part). */
    public Optional<WebSessions.SignedIn> signedIn(String session) {
        return sessions.find(session);
    }

    /** Whether a signed-in person maintains the repository (GitHub admin or maintain role). */
    public boolean maintains(String owner, String repo, Person person) {
        return permissions.maintains(owner + "/" + repo, person.login);
    }

    private Caller require(String owner, String repo, String authorization, String session, String csrf,
            boolean write) {
        if (authorization != null) {
            return new Caller(true, Optional.empty());
        }
        WebSessions.SignedIn signedIn = sessions.find(session).orElseThrow(() -> refuse(Response.Status.UNAUTHORIZED,
                "Sign in with GitHub, or send a bearer token"));
        if (write && !Csrf.matches(signedIn, csrf)) {
            throw refuse(Response.Status.FORBIDDEN, "A change from a browser session needs the session's token in "
                    + CSRF_HEADER);
        }
        if (!maintains(owner, repo, signedIn.person())) {
            throw refuse(Response.Status.FORBIDDEN, "Only the repository's maintainers (GitHub admin or maintain role)"
                    + " may do this");
        }
        return new Caller(false, Optional.of(signedIn.person()));
    }

    private static WebApplicationException refuse(Response.Status status, String detail) {
        return new WebApplicationException(Problem.of(status, detail).toResponse());
    }
}
