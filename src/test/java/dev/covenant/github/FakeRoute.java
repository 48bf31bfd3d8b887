package dev.covenant.github;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One row of the fake's routing table: a method and a whole-path pattern whose groups reach the handler. */
record FakeRoute(String method, Pattern path, Handler handler) {

    @FunctionalInterface
    interface Handler {
        FakeResponse handle(RecordedRequest request, Matcher path);
    }

    static FakeRoute get(String regex, Handler handler) {
        return new FakeRoute("GET", Pattern.compile(regex), handler);
    }

    static FakeRoute post(String regex, Handler handler) {
        return new FakeRoute("POST", Pattern.compile(regex), handler);
    }

    static FakeRoute patch(String regex, Handler handler) {
        return new FakeRoute("PATCH", Pattern.compile(regex), handler);
    }

    /**
     * The method a request stands for. Clients whose HTTP stack cannot send PATCH (HttpURLConnection) send POST with
     * {@code X-HTTP-Method-Override: PATCH}, which GitHub honours.
     */
    static String method(RecordedRequest request) {
        String override = request.header("X-HTTP-Method-Override");
        return "POST".equals(request.method()) && override != null && !override.isBlank()
                ? override.trim().toUpperCase(Locale.ROOT)
                : request.method();
    }

    /** The first route matching both method and path, or null. */
    static FakeResponse dispatch(List<FakeRoute> routes, RecordedRequest request, String path) {
        for (FakeRoute route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (route.method().equals(method(request)) && matcher.matches()) {
                return route.handler().handle(request, matcher);
            }
        }
        return null;
    }
}
