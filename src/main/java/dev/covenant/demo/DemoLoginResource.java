package dev.covenant.demo;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.covenant.CovenantConfig;
import dev.covenant.web.Caller;
import dev.covenant.web.FormProblems;
import dev.covenant.web.Layout;

/**
 * Demo sign-in, where GitHub would ask the person to authorise the App: a form for a GitHub-style user name. It
 * hands a one-time code for that name to the service's real OAuth callback, which exchanges it at the stand-in's
 * token endpoint and opens the session as it does for GitHub.
 */
@Path(DemoLoginResource.PATH)
public class DemoLoginResource {

    static final String PATH = "/demo/login";

    @CheckedTemplate(basePath = "demo")
    static class Pages {
        static native TemplateInstance login(Layout.Visitor visitor, String csrf, String state, String login,
                FormProblems errors);
    }

    private final DemoGitHub github;
    private final Caller caller;
    private final CovenantConfig config;

    DemoLoginResource(DemoGitHub github, Caller caller, CovenantConfig config) {
        this.github = github;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Operation(hidden = true)
    public Response form(@QueryParam("state") String state, @CookieParam(DemoForms.COOKIE) String cookie) {
        if (state == null || state.isBlank()) {
            // Sign-in starts at /login, which sets the state this form must carry back.
            return Response.seeOther(URI.create("/login?next=/me")).build();
        }
        return page(200, cookie, state, "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signIn(@FormParam("login") String login, @FormParam("state") String state,
            @FormParam("_csrf") String csrf, @CookieParam(DemoForms.COOKIE) String cookie) {
        if (!DemoForms.accepted(caller, cookie, csrf)) {
            return Layout.html(403, Layout.error(Layout.Visitor.of(caller), "Not allowed",
                    "This form has expired or did not come from this site. Reload the page and try again."));
        }
        if (state == null || state.isBlank()) {
            return Response.seeOther(URI.create("/login?next=/me")).build();
        }
        String typed = login == null ? "" : login.strip();
        var problem = DemoPeople.problem(typed);
        if (problem.isPresent()) {
            return page(400, cookie, state, typed, problem.get());
        }
        String code = github.codeFor(typed);
        return Response.seeOther(URI.create(config.publicUrl() + "/login/callback?code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8))).build();
    }

    private Response page(int status, String cookie, String state, String login, String error) {
        String token = DemoForms.token(caller, cookie);
        FormProblems errors = FormProblems.form().field("login", "login", "User name");
        if (error != null) {
            errors.reject("login", error);
        }
        Response page = Layout.html(status, Pages.login(Layout.Visitor.of(caller), token, state, login, errors));
        var set = DemoForms.cookie(caller, token, config.publicUrl().startsWith("https://"));
        return set == null ? page : Response.fromResponse(page).cookie(set).build();
    }
}
