package dev.covenant.github;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Failures scripted for the next API requests that match a method and a path (relative to the API base, matched
 * whole), each rule good for a number of requests: server errors, and GitHub's primary and secondary rate limits
 * with the headers and bodies GitHub sends. Rules are consulted oldest first. Thread-safe.
 */
final class FakeFailures {

    static final String RATE_LIMIT_DOCS = "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting";
    static final String SECONDARY_DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";

    /** Builds the answer from the request and GitHub's request id. */
    private record Rule(String method, Pattern path, AtomicInteger left,
            BiFunction<RecordedRequest, String, FakeResponse> answer) {

        boolean claims(RecordedRequest request, String apiPath) {
            return method.equals(FakeRoute.method(request)) && path.matcher(apiPath).matches()
                    && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    private final FakeGitHubApi directory;
    private final ConcurrentLinkedQueue<Rule> rules = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<FakeHold> holds = new ConcurrentLinkedQueue<>();
    /** Rules applied after the request took effect: GitHub acted, but its answer is lost on the way back. */
    private final ConcurrentLinkedQueue<Rule> lostAnswers = new ConcurrentLinkedQueue<>();

    FakeFailures(FakeGitHubApi directory) {
        this.directory = directory;
    }

    void serverError(String method, String pathRegex, int times, int status) {
        add(method, pathRegex, times, (request, id) -> FakeResponse.error(status, message(status)));
    }

    void primaryRateLimit(String method, String pathRegex, int times, long resetEpochSecond) {
        add(method, pathRegex, times, (request, id) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", "API rate limit exceeded for " + caller(request) + ".");
            body.put("documentation_url", RATE_LIMIT_DOCS);
            body.put("status", "403");
            return FakeResponse.json(403, body)
                    .withHeader("X-RateLimit-Limit", String.valueOf(FakeGitHubApi.CORE_LIMIT))
                    .withHeader("X-RateLimit-Remaining", "0")
                    .withHeader("X-RateLimit-Reset", String.valueOf(resetEpochSecond))
                    .withHeader("X-RateLimit-Used", String.valueOf(FakeGitHubApi.CORE_LIMIT))
                    .withHeader("X-RateLimit-Resource", "core");
        });
    }

    void secondaryRateLimit(String method, String pathRegex, int times, int retryAfterSeconds) {
        add(method, pathRegex, times, (request, id) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", "You have exceeded a secondary rate limit. Please wait a few minutes before you try"
                    + " again. If you reach out to GitHub Support for help, please include the request ID " + id + ".");
            body.put("documentation_url", SECONDARY_DOCS);
            body.put("status", "403");
            return FakeResponse.json(403, body).withHeader("Retry-After", String.valueOf(retryAfterSeconds));
        });
    }

    /** The scripted answer for this request, or null to let it through. */
    FakeResponse answer(RecordedRequest request, String apiPath, String requestId) {
        for (FakeHold hold : holds) {
            if (hold.hold(request, apiPath)) {
                holds.remove(hold);
                break;
            }
        }
        for (Rule rule : rules) {
            if (rule.claims(request, apiPath)) {
                return rule.answer().apply(request, requestId);
            }
        }
        rules.removeIf(rule -> rule.left().get() == 0);
        return null;
    }

    void actedButAnswered(String method, String pathRegex, int times, int status) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        lostAnswers.add(new Rule(method, Pattern.compile(pathRegex), new AtomicInteger(times),
                (request, id) -> FakeResponse.error(status, message(status))));
    }

    /** The answer that replaces what GitHub did for this request, or null to send what it did. */
    FakeResponse afterwards(RecordedRequest request, String apiPath, String requestId) {
        for (Rule rule : lostAnswers) {
            if (rule.claims(request, apiPath)) {
                return rule.answer().apply(request, requestId);
            }
        }
        lostAnswers.removeIf(rule -> rule.left().get() == 0);
        return null;
    }

    FakeHold hold(String method, String pathRegex) {
        FakeHold hold = new FakeHold(method, pathRegex);
        holds.add(hold);
        return hold;
    }

    void clear() {
        rules.clear();
        lostAnswers.clear();
        holds.forEach(FakeHold::release);
        holds.clear();
    }

    private void add(String method, String pathRegex, int times,
            BiFunction<RecordedRequest, String, FakeResponse> answer) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        rules.add(new Rule(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), new AtomicInteger(times),
                answer));
    }

    /** Who GitHub says ran out: the installation, the user, or the address of an anonymous caller. */
    private String caller(RecordedRequest request) {
        FakeGrant grant = directory.grant(request);
        if (grant == null) {
            return "127.0.0.1";
        }
        return grant.isInstallation()
                ? "installation ID " + grant.installationId()
                : "user ID " + directory.requireUser(grant.login()).id();
    }

    /** The message GitHub's API sends with each status. */
    private static String message(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Bad credentials";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 422 -> "Validation Failed";
            case 503 -> "Service Unavailable";
            case 504 -> "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your"
                    + " request and contact us if the problem persists.";
            default -> "Server Error";
        };
    }
}
