package dev.covenant.demo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import dev.covenant.CovenantConfig;
import dev.covenant.github.GitHubConfig;

/**
 * The stand-in for GitHub: the subset of GitHub's REST API, OAuth endpoints and JSON that the service's {@code
 * github} package calls, served under {@value #API} and {@value #WEB} in demo mode only (outside it no route exists,
 * and the paths answer 404). Plain Vert.x routes rather than resources, because GitHub's callers authenticate with
 * GitHub's credentials (an App JWT, {@code token ghs_…}), which are none of the service's own.
 *
 * <p>The App's JWT is accepted when it is a well-formed RS256 token issued for the demo App id; its signature is not
 * checked (the key is generated at start and never leaves the process). Installation tokens are minted and checked.
 */
@ApplicationScoped
public class DemoGitHubRoutes {

    public static final String WEB = "/demo/github";
    public static final String API = WEB + "/api";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPO = "/repos/demo/widget";

    private interface Handler {
        Answer handle(Call call);
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    /** A request as a handler sees it: the path's groups, the query, the headers and the body. */
    private record Call(Matcher path, Map<String, String> query, String authorization, JsonNode json,
            Map<String, String> form) {
    }

    private record Answer(int status, Object body, String location) {
        static Answer json(int status, Object body) {
            return new Answer(status, body, null);
        }

        static Answer error(int status, String message) {
            return new Answer(status, Map.of("message", message, "documentation_url", "https://docs.github.com/rest"),
                    null);
        }
    }

    private final DemoGitHub github;
    private final DemoConfig demo;
    private final CovenantConfig config;
    private final GitHubConfig oauth;
    private final DemoGitHubJson shapes;
    private final Clock clock;
    private final List<Route> routes = new ArrayList<>();

    DemoGitHubRoutes(DemoGitHub github, DemoConfig demo, CovenantConfig config, GitHubConfig oauth,
            DemoGitHubJson shapes, Clock clock) {
        this.github = github;
        this.shapes = shapes;
        this.oauth = oauth;
        this.demo = demo;
        this.config = config;
        this.clock = clock;
        add("GET", WEB + "/login/oauth/authorize", this::authorize);
        add("POST", WEB + "/login/oauth/access_token", this::accessToken);
        add("GET", API + "/?", c -> Answer.json(200, Map.of("current_user_url", config.publicUrl() + API + "/user")));
        add("GET", API + "/rate_limit", c -> Answer.json(200, Map.of("resources", Map.of(), "rate",
                Map.of("limit", 5000, "remaining", 5000, "reset",
                        clock.instant().plusSeconds(3600).getEpochSecond()))));
        add("GET", API + "/app", c -> app(c, () -> Answer.json(200, shapes.appJson())));
        add("GET", API + "/app/installations/(\\d+)", c -> app(c, () -> installation(c)));
        add("POST", API + "/app/installations/(\\d+)/access_tokens", c -> app(c, () -> accessTokens(c)));
        add("GET", API + "/user", c -> user(c, login -> Answer.json(200, DemoGitHubJson.account(login))));
        add("GET", API + "/user/emails", c -> user(c, login -> Answer.json(200, List.of(Map.of("email",
                DemoPeople.email(login), "verified", true, "primary", true, "visibility", "public")))));
        add("GET", API + "/users/([^/]+)", c -> DemoPeople.problem(c.path().group(1)).isPresent()
                ? Answer.error(404, "Not Found")
                : Answer.json(200, DemoGitHubJson.account(c.path().group(1))));
        add("GET", API + "/orgs/([^/]+)/members/([^/]+)", c -> new Answer(404, null, null));
        add("GET", API + "/installation/repositories", c -> installed(c, () -> Answer.json(200, Map.of(
                "total_count", 1, "repository_selection", "selected", "repositories", List.of(shapes.repository())))));
        add("GET", API + REPO, c -> installed(c, () -> Answer.json(200, shapes.repository())));
        add("GET", API + REPO + "/pulls", c -> installed(c, this::openPullRequests));
        add("GET", API + REPO + "/pulls/(\\d+)", c -> installed(c, () -> pullRequest(c)));
        add("GET", API + REPO + "/pulls/(\\d+)/commits", c -> installed(c, () -> commits(c)));
        add("GET", API + REPO + "/commits/([0-9a-f]{40})/check-runs", c -> installed(c, () -> checkRuns(c)));
        add("POST", API + REPO + "/check-runs", c -> installed(c, () -> createCheckRun(c)));
        add("PATCH", API + REPO + "/check-runs/(\\d+)", c -> installed(c, () -> updateCheckRun(c)));
        add("POST", API + REPO + "/statuses/([0-9a-f]{40})", c -> installed(c, () -> Answer.json(201,
                Map.of("state", c.json().path("state").asText(), "context", c.json().path("context").asText()))));
        add("GET", API + REPO + "/issues/(\\d+)/comments", c -> installed(c, () -> comments(c)));
        add("POST", API + REPO + "/issues/(\\d+)/comments", c -> installed(c, () -> comment(c)));
        add("PATCH", API + REPO + "/issues/comments/(\\d+)", c -> installed(c, () -> editComment(c)));
        add("GET", API + REPO + "/collaborators/([^/]+)/permission", c -> installed(c, () -> permission(c)));
    }

    private void add(String method, String path, Handler handler) {
        routes.add(new Route(method, Pattern.compile(path), handler));
    }

    void routes(@Observes Router router) {
        if (!demo.enabled()) {
            return;
        }
        router.routeWithRegex(WEB + "(/.*)?").order(-10).handler(BodyHandler.create().setBodyLimit(1 << 20))
                .handler(ctx -> serve(ctx, ctx.body().buffer()));
    }

    private void serve(RoutingContext ctx, Buffer body) {
        String path = ctx.request().path();
        for (Route route : routes) {
            Matcher m = route.path().matcher(path);
            if (m.matches() && route.method().equals(ctx.request().method().name())) {
                Answer answer;
                try {
                    answer = route.handler().handle(new Call(m, parse(ctx.request().query()),
                            ctx.request().getHeader("Authorization"), json(ctx, body), form(ctx, body)));
                } catch (IllegalArgumentException e) {
                    answer = Answer.error(422, "Validation Failed: " + e.getMessage());
                }
                respond(ctx, answer);
                return;
            }
        }
        respond(ctx, Answer.error(404, "Not Found"));
    }

    private static void respond(RoutingContext ctx, Answer answer) {
        ctx.response().setStatusCode(answer.status());
        if (answer.location() != null) {
            ctx.response().putHeader("Location", answer.location()).end();
            return;
        }
        if (answer.body() == null) {
            ctx.response().end();
            return;
        }
        try {
            ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(Buffer.buffer(JSON.writeValueAsBytes(answer.body())));
        } catch (java.io.IOException e) {
            ctx.fail(e);
        }
    }

    // ---- sign-in ----

    /** GitHub would ask the person to authorise the App; the demo asks who they are ({@link DemoLoginResource}). */
    private Answer authorize(Call call) {
        if (!DemoConfigSourceFactory.CLIENT_ID.equals(call.query().get("client_id"))) {
            return Answer.error(404, "Not Found");
        }
        String state = call.query().getOrDefault("state", "");
        return new Answer(302, null, DemoLoginResource.PATH + "?state="
                + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8));
    }

    private Answer accessToken(Call call) {
        Map<String, String> form = call.form();
        String secret = oauth.clientSecret().orElse("");
        if (!DemoConfigSourceFactory.CLIENT_ID.equals(form.get("client_id"))
                || !secret.equals(form.get("client_secret"))) {
            return Answer.json(200, Map.of("error", "incorrect_client_credentials", "error_description",
                    "The client_id and/or client_secret passed are incorrect."));
        }
        return github.exchange(form.get("code"))
                .map(token -> Answer.json(200, Map.of("access_token", token, "token_type", "bearer", "scope",
                        "read:user,user:email")))
                .orElseGet(() -> Answer.json(200, Map.of("error", "bad_verification_code", "error_description",
                        "The code passed is incorrect or expired.")));
    }

    private Answer user(Call call, java.util.function.Function<String, Answer> then) {
        return github.loginOf(credential(call.authorization())).map(then)
                .orElseGet(() -> Answer.error(401, "Bad credentials"));
    }

    // ---- the App ----

    private Answer app(Call call, java.util.function.Supplier<Answer> then) {
        return appJwt(call.authorization()) ? then.get() : Answer.error(401, "A JSON web token could not be decoded");
    }

    /** A well-formed RS256 JWT issued by the demo App (its signature is not checked, see the class comment). */
    private static boolean appJwt(String authorization) {
        String jwt = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return "RS256".equals(header.path("alg").asText())
                    && Long.toString(DemoConfigSourceFactory.APP_ID).equals(claims.path("iss").asText());
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private Answer installation(Call call) {
        if (Long.parseLong(call.path().group(1)) != DemoGitHub.INSTALLATION_ID) {
            return Answer.error(404, "Not Found");
        }
        Map<String, Object> json = new HashMap<>();
        json.put("id", DemoGitHub.INSTALLATION_ID);
        json.put("account", DemoGitHubJson.owner());
        json.put("app_id", DemoConfigSourceFactory.APP_ID);
        json.put("app_slug", "covenant-demo");
        json.put("target_id", DemoGitHub.OWNER_ID);
        json.put("target_type", "Organization");
        json.put("access_tokens_url",
                config.publicUrl() + API + "/app/installations/" + DemoGitHub.INSTALLATION_ID + "/access_tokens");
        json.put("repositories_url", config.publicUrl() + API + "/installation/repositories");
        json.put("repository_selection", "selected");
        json.put("permissions", Map.of("checks", "write", "pull_requests", "read", "metadata", "read"));
        json.put("events", List.of("pull_request"));
        json.put("created_at", "2026-01-01T00:00:00Z");
        json.put("updated_at", "2026-01-01T00:00:00Z");
        return Answer.json(200, json);
    }

    private Answer accessTokens(Call call) {
        if (Long.parseLong(call.path().group(1)) != DemoGitHub.INSTALLATION_ID) {
            return Answer.error(404, "Not Found");
        }
        Instant expiresAt = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        return Answer.json(201, Map.of("token", github.installationToken(expiresAt), "expires_at",
                expiresAt.toString(), "permissions", Map.of("checks", "write", "pull_requests", "read"),
                "repository_selection", "selected"));
    }

    private Answer installed(Call call, java.util.function.Supplier<Answer> then) {
        return github.installationTokenValid(credential(call.authorization()), clock.instant())
                ? then.get()
                : Answer.error(401, "Bad credentials");
    }

    /** The token of {@code Authorization: token …} or {@code Bearer …}. */
    private static String credential(String authorization) {
        if (authorization == null) {
            return null;
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        return parts.length == 2 && (parts[0].equalsIgnoreCase("token") || parts[0].equalsIgnoreCase("bearer"))
                ? parts[1]
                : null;
    }

    // ---- the repository ----

    private Answer openPullRequests() {
        ArrayNode list = JSON.createArrayNode();
        github.pullRequests().forEach(pr -> list.add(shapes.pullRequestJson(pr)));
        return Answer.json(200, list);
    }

    private Answer pullRequest(Call call) {
        return github.pullRequest(Integer.parseInt(call.path().group(1)))
                .map(pr -> Answer.json(200, shapes.pullRequestJson(pr)))
                .orElseGet(() -> Answer.error(404, "Not Found"));
    }

    private Answer commits(Call call) {
        return github.pullRequest(Integer.parseInt(call.path().group(1))).map(pr -> {
            ArrayNode list = JSON.createArrayNode();
            pr.commits().forEach(c -> list.add(DemoGitHubJson.commitJson(c)));
            return Answer.json(200, list);
        }).orElseGet(() -> Answer.error(404, "Not Found"));
    }

    // ---- checks and comments ----

    private Answer checkRuns(Call call) {
        String name = call.query().get("check_name");
        List<Map<String, Object>> runs = github.checkRuns(call.path().group(1)).stream()
                .filter(r -> name == null || name.equals(r.name())).map(DemoGitHubJson::checkRunJson).toList();
        return Answer.json(200, Map.of("total_count", runs.size(), "check_runs", runs));
    }

    private Answer createCheckRun(Call call) {
        JsonNode body = call.json();
        String sha = body.path("head_sha").asText("");
        if (!sha.matches("[0-9a-f]{40}") || body.path("name").asText("").isBlank()) {
            throw new IllegalArgumentException("name and head_sha are required");
        }
        DemoGitHub.CheckRun run = github.createCheckRun(sha, body.path("name").asText(),
                body.path("external_id").asText(null), body.path("status").asText("queued"),
                body.path("conclusion").asText(null), body.path("output").path("title").asText(null),
                body.path("output").path("summary").asText(null));
        return Answer.json(201, DemoGitHubJson.checkRunJson(run));
    }

    private Answer updateCheckRun(Call call) {
        JsonNode body = call.json();
        return github.checkRun(Long.parseLong(call.path().group(1))).map(old -> {
            DemoGitHub.CheckRun run = new DemoGitHub.CheckRun(old.id(), old.headSha(), body.path("name")
                    .asText(old.name()), body.path("external_id").asText(old.externalId()),
                    body.path("status").asText(old.status()), body.has("conclusion")
                            ? body.path("conclusion").asText(null)
                            : old.conclusion(),
                    body.path("output").path("title").asText(old.title()),
                    body.path("output").path("summary").asText(old.summary()));
            github.updateCheckRun(run);
            return Answer.json(200, DemoGitHubJson.checkRunJson(run));
        }).orElseGet(() -> Answer.error(404, "Not Found"));
    }

    private Answer comments(Call call) {
        List<Map<String, Object>> list = github.comments(Integer.parseInt(call.path().group(1))).stream()
                .map(DemoGitHubJson::commentJson).toList();
        return Answer.json(200, list);
    }

    private Answer comment(Call call) {
        int number = Integer.parseInt(call.path().group(1));
        if (github.pullRequest(number).isEmpty()) {
            return Answer.error(404, "Not Found");
        }
        return Answer.json(201,
                DemoGitHubJson.commentJson(github.comment(number, call.json().path("body").asText(""))));
    }

    private Answer editComment(Call call) {
        return github.editComment(Long.parseLong(call.path().group(1)), call.json().path("body").asText(""))
                .map(c -> Answer.json(200, DemoGitHubJson.commentJson(c)))
                .orElseGet(() -> Answer.error(404, "Not Found"));
    }

    /** Every demo person maintains demo/widget, so that each sees the whole relicensing report. */
    private Answer permission(Call call) {
        String login = call.path().group(1);
        if (DemoPeople.problem(login).isPresent()) {
            return Answer.error(404, "Not Found");
        }
        return Answer.json(200,
                Map.of("permission", "admin", "role_name", "admin", "user", DemoGitHubJson.account(login)));
    }

    // ---- parsing ----

    private static Map<String, String> parse(String query) {
        Map<String, String> values = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static JsonNode json(RoutingContext ctx, Buffer body) {
        String type = ctx.request().getHeader("Content-Type");
        if (body == null || body.length() == 0 || type == null || !type.contains("json")) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body.getBytes());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
    }

    private static Map<String, String> form(RoutingContext ctx, Buffer body) {
        String type = ctx.request().getHeader("Content-Type");
        return body != null && type != null && type.startsWith("application/x-www-form-urlencoded")
                ? parse(body.toString(StandardCharsets.UTF_8))
                : Map.of();
    }
}
