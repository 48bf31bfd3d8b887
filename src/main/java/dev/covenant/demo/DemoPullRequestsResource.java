package dev.covenant.demo;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.covenant.CovenantConfig;
import dev.covenant.api.FieldError;
import dev.covenant.api.Problem;
import dev.covenant.web.Caller;
import dev.covenant.web.FormProblems;
import dev.covenant.web.Layout;

/**
 * The demo's pull requests: a form that opens one on demo/widget (the stand-in records it and delivers a signed
 * {@code pull_request} webhook to the service), and each one's check and comment as GitHub would show them, as a
 * page that follows them by itself and as JSON.
 */
@Path(DemoPullRequestsResource.PATH)
public class DemoPullRequestsResource {

    static final String PATH = "/demo/pull-requests";
    /** More co-authors than anyone types by hand; a bound on one form. */
    static final int MAX_CO_AUTHORS = 10;

    /** One pull request as the pages show it; {@code status} is null until the service started a check run. */
    public record View(int number, String author, List<String> coAuthors, String headSha, String status,
            String conclusion, String title, String summary, String comment) {

        public boolean passed() {
            return "success".equals(conclusion) || "neutral".equals(conclusion);
        }
    }

    @CheckedTemplate(basePath = "demo")
    static class Pages {
        static native TemplateInstance pullRequests(Layout.Visitor visitor, String csrf, String author,
                String coAuthors, FormProblems errors, List<View> pullRequests);

        static native TemplateInstance pullRequest(Layout.Visitor visitor, View pr);
    }

    private final DemoGitHub github;
    private final DemoWebhooks webhooks;
    private final Caller caller;
    private final CovenantConfig config;
    private final Clock clock;

    DemoPullRequestsResource(DemoGitHub github, DemoWebhooks webhooks, Caller caller, CovenantConfig config,
            Clock clock) {
        this.github = github;
        this.webhooks = webhooks;
        this.caller = caller;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public Response list(@CookieParam(DemoForms.COOKIE) String cookie) {
        String author = caller.person().map(p -> p.login).orElse("");
        return page(200, cookie, author, "", Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response open(@FormParam("author") String author, @FormParam("coAuthors") String coAuthors,
            @FormParam("_csrf") String csrf, @CookieParam(DemoForms.COOKIE) String cookie,
            @HeaderParam("Accept") String accept) {
        boolean json = accept != null && accept.contains("json") && !accept.contains("text/html");
        if (!DemoForms.accepted(caller, cookie, csrf)) {
            return json
                    ? Problem.of(Response.Status.FORBIDDEN, "The form's token (_csrf) is missing or wrong")
                            .toResponse()
                    : Layout.html(403, Layout.error(Layout.Visitor.of(caller), "Not allowed",
                            "This form has expired or did not come from this site. Reload the page and try again."));
        }
        String typedAuthor = author == null ? "" : author.strip();
        String typedCoAuthors = coAuthors == null ? "" : coAuthors.strip();
        List<FieldError> errors = new ArrayList<>();
        DemoPeople.problem(typedAuthor).ifPresent(p -> errors.add(new FieldError("author", p)));
        List<String> co = coAuthors(typedCoAuthors, errors);
        if (!errors.isEmpty()) {
            if (json) {
                return Problem.invalid(errors).toResponse();
            }
            Map<String, String> byField = new LinkedHashMap<>();
            errors.forEach(e -> byField.putIfAbsent(e.field(), e.message()));
            return page(400, cookie, typedAuthor, typedCoAuthors, byField);
        }
        DemoGitHub.PullRequest pr = github.open(typedAuthor, co, clock.instant());
        webhooks.opened(pr);
        return Response.seeOther(URI.create(PATH + "/" + pr.number())).build();
    }

    @GET
    @Path("{number: [0-9]{1,9}}")
    @Operation(hidden = true)
    public Response show(@PathParam("number") int number) {
        Optional<View> view = view(number);
        if (view.isEmpty()) {
            return Layout.html(404, Layout.error(Layout.Visitor.of(caller), "Not found",
                    "There is no demo pull request number " + number + "."));
        }
        return Layout.html(200, Pages.pullRequest(Layout.Visitor.of(caller), view.get()));
    }

    @GET
    @Path("{number: [0-9]{1,9}}.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response json(@PathParam("number") int number) {
        Optional<View> view = view(number);
        if (view.isEmpty()) {
            return Problem.of(Response.Status.NOT_FOUND, "There is no demo pull request number " + number)
                    .toResponse();
        }
        View v = view.get();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("number", v.number());
        Map<String, Object> check = null;
        if (v.status() != null) {
            check = new LinkedHashMap<>();
            check.put("status", v.status());
            check.put("conclusion", v.conclusion());
            check.put("summary", v.summary());
        }
        answer.put("check", check);
        answer.put("comment", v.comment());
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The comma-separated logins, each checked; the author may not be listed. */
    static List<String> coAuthors(String typed, List<FieldError> errors) {
        List<String> logins = Arrays.stream(typed.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        if (logins.size() > MAX_CO_AUTHORS) {
            errors.add(new FieldError("coAuthors", "List at most " + MAX_CO_AUTHORS + " co-authors."));
            return List.of();
        }
        for (String login : logins) {
            Optional<String> problem = DemoPeople.problem(login);
            if (problem.isPresent()) {
                errors.add(new FieldError("coAuthors", "\"" + login + "\" is not a user name. " + problem.get()));
                return List.of();
            }
        }
        return logins;
    }

    private Optional<View> view(int number) {
        return github.pullRequest(number).map(this::view);
    }

    private View view(DemoGitHub.PullRequest pr) {
        Optional<DemoGitHub.CheckRun> check = github.latestCheck(pr);
        return new View(pr.number(), pr.author(), pr.coAuthors(), pr.headSha(),
                check.map(DemoGitHub.CheckRun::status).orElse(null),
                check.map(DemoGitHub.CheckRun::conclusion).orElse(null),
                check.map(DemoGitHub.CheckRun::title).orElse(null),
                check.map(DemoGitHub.CheckRun::summary).orElse(null),
                github.latestComment(pr.number()).map(DemoGitHub.Comment::body).orElse(null));
    }

    private Response page(int status, String cookie, String author, String coAuthors, Map<String, String> errors) {
        String token = DemoForms.token(caller, cookie);
        List<View> views = github.newestFirst().stream().map(this::view).toList();
        Response page = Layout.html(status,
                Pages.pullRequests(Layout.Visitor.of(caller), token, author, coAuthors, FormProblems.form()
                        .field("author", "author", "Author").field("coAuthors", "coAuthors", "Co-authors")
                        .rejectAll(errors), views));
        var set = DemoForms.cookie(caller, token, config.publicUrl().startsWith("https://"));
        return set == null ? page : Response.fromResponse(page).cookie(set).build();
    }
}
