package dev.covenant.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One person's browser in a benchmark: a cookie jar of its own over an HTTP client the benchmark's people share. A
 * client each (as the benchmarks had first) is a selector thread each, and two hundred of them competed with the
 * service for the machine's two cores in the very burst they timed; sharing one keeps the people's cookies apart and
 * opens as many connections as requests are in flight, as two hundred browsers would.
 */
final class BenchBrowser {

    private final HttpClient http;
    private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    BenchBrowser(HttpClient shared) {
        if (shared.cookieHandler().isPresent()) {
            throw new IllegalArgumentException("the shared client must not keep cookies of its own");
        }
        this.http = shared;
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(withCookies(request), HttpResponse.BodyHandlers.ofString());
        keep(response);
        return response;
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) throws IOException {
        return http.sendAsync(withCookies(request), HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            keep(r);
            return r;
        });
    }

    /** The Cookie header this browser sends to {@code uri}; empty if none. */
    String cookies(URI uri) throws IOException {
        return String.join("; ", jar.get(uri, Map.of()).getOrDefault("Cookie", List.of()));
    }

    private HttpRequest withCookies(HttpRequest request) throws IOException {
        String cookies = cookies(request.uri());
        if (cookies.isEmpty()) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Cookie", cookies).build();
    }

    private void keep(HttpResponse<String> response) {
        try {
            jar.put(response.uri(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException("the cookie jar refused " + response.uri(), e);
        }
    }
}
