package dev.covenant.web;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import dev.covenant.CovenantConfig;
import dev.covenant.github.GitHubAccount;
import dev.covenant.github.GitHubOAuth;
import dev.covenant.github.GitHubUnavailableException;
import dev.covenant.github.SignInRefusedException;
import dev.covenant.identity.People;
import dev.covenant.identity.Person;
import dev.covenant.identity.Profile;

/**
 * Sign-in with GitHub's OAuth web flow. A random state goes to GitHub and, in an HttpOnly cookie, to the browser;
 * the callback must bring both back equal, once. Only when GitHub has said who the person is and which e-mail
 * addresses they verified is anything stored and a session opened.
 */
@Path("/")
public class SignInResource {

    static final String STATE_COOKIE = "covenant_oauth";
    private static final Logger LOG = Logger.getLogger(SignInResource.class);

    private final GitHubOAuth oauth;
    private final People people;
    private final WebSessions sessions;
    private final CovenantConfig config;

    SignInResource(GitHubOAuth oauth, People people, WebSessions sessions, CovenantConfig config) {
        this.oauth = oauth;
        this.people = people;
        this.sessions = sessions;
        this.config = config;
    }

    @GET
    @Path("login")
    @Operation(hidden = true)
    public Response login(@QueryParam("next") String next) {
        if (!oauth.configured()) {
            throw new PageException(503, "Sign-in is not set up",
                    "This Covenant has no GitHub App credentials yet (COVENANT_GITHUB_CLIENT_ID and COVENANT_GITHUB_CLIENT_SECRET).");
        }
        String state = WebSessions.randomToken();
        String cookie = state + "." + URLEncoder.encode(Requests.safeNext(next), StandardCharsets.UTF_8);
        return Response.seeOther(URI.create(oauth.authorizeUrl(state, callbackUrl())))
                .cookie(Requests.cookie(STATE_COOKIE, cookie, "/login", 600, secure())).build();
    }

    @GET
    @Path("login/callback")
    @Operation(hidden = true)
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @QueryParam("error_description") String errorDescription,
            @CookieParam(STATE_COOKIE) String stateCookie) {
        // Whatever happens next, this state is spent.
        var clearState = Requests.cookie(STATE_COOKIE, "", "/login", 0, secure());
        if (stateCookie == null || state == null || !stateCookie.contains(".")
                || !MessageDigest.isEqual(
                        stateCookie.substring(0, stateCookie.indexOf('.')).getBytes(StandardCharsets.UTF_8),
                        state.getBytes(StandardCharsets.UTF_8))) {
            return failure(400, "Sign-in could not be completed",
                    "This sign-in link is not the one we started, or it was already used. Please start again from the page you were on.",
                    clearState);
        }
        String next = Requests.safeNext(
                URLDecoder.decode(stateCookie.substring(stateCookie.indexOf('.') + 1), StandardCharsets.UTF_8));
        if (error != null) {
            return failure(403, "Sign-in was cancelled",
                    "GitHub did not sign you in (" + error
                            + "). Nothing was recorded. You can try again whenever you like.",
                    clearState);
        }
        if (code == null || code.isBlank()) {
            return failure(400, "Sign-in could not be completed", "GitHub sent no sign-in code. Please start again.",
                    clearState);
        }
        try {
            GitHubAccount account = oauth.account(oauth.exchange(code, callbackUrl()));
            Person person = people.remember(profile(account));
            String session = sessions.open(person);
            return Response.seeOther(URI.create(next)).cookie(clearState,
                    Requests.cookie(WebSessions.COOKIE, session, "/", (int) WebSessions.LIFETIME.toSeconds(), secure()))
                    .build();
        } catch (SignInRefusedException e) {
            return failure(403, "Sign-in was refused",
                    "GitHub refused the sign-in: " + e.getMessage() + " Please start again.",
                    clearState);
        } catch (GitHubUnavailableException e) {
            LOG.warnf("Sign-in failed because GitHub is unavailable: %s", e.getMessage());
            return failure(502, "GitHub is not answering",
                    "We could not reach GitHub to sign you in. Nothing was recorded. Please try again in a few minutes.",
                    clearState);
        }
    }

    /**
     * Ends the session. Public, so that a browser whose session already ended can still clear its cookie; a live
     * session's sign-out needs its CSRF token, as every change does ({@link CsrfFilter}).
     */
    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout(@CookieParam(WebSessions.COOKIE) String session) {
        sessions.close(session);
        return Response.seeOther(URI.create("/")).cookie(Requests.cookie(WebSessions.COOKIE, "", "/", 0, secure()))
                .build();
    }

    private Response failure(int status, String title, String message, jakarta.ws.rs.core.NewCookie clearState) {
        return Response.fromResponse(Layout.html(status, Layout.error(Layout.Visitor.ANONYMOUS, title, message)))
                .cookie(clearState).build();
    }

    private String callbackUrl() {
        return config.publicUrl() + "/login/callback";
    }

    private boolean secure() {
        return config.publicUrl().startsWith("https://");
    }

    private static Profile profile(GitHubAccount account) {
        return new Profile(account.id(), account.login(), account.name(), account.emails().stream()
                .map(e -> new Profile.Email(e.address(), e.verified(), e.primary())).toList());
    }
}
