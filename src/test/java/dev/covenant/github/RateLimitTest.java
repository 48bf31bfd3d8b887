package dev.covenant.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimitTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

    private static HttpHeaders headers(String remaining, String reset, String retryAfter) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        remaining = remaining == null ? "" : remaining;
        reset = reset == null ? "" : reset;
        retryAfter = retryAfter == null ? "" : retryAfter;
        if (!remaining.isEmpty()) {
            map.put("X-RateLimit-Remaining", List.of(remaining));
        }
        if (!reset.isEmpty()) {
            map.put("X-RateLimit-Reset", List.of(reset));
        }
        if (!retryAfter.isEmpty()) {
            map.put("Retry-After", List.of(retryAfter));
        }
        return HttpHeaders.of(map, (a, b) -> true);
    }

    @ParameterizedTest(name = "{0} remaining={1} reset={2} retry-after={3} \"{4}\" waits {5} s")
    @CsvSource(delimiter = ';', value = {
            // A primary limit: wait until the reset GitHub named, plus a second for clock skew.
            "403;0;1800000120;;API rate limit exceeded for installation ID 7.;121",
            "429;0;1800000010;;API rate limit exceeded;11",
            // A reset already past still waits a moment.
            "403;0;1799999000;;API rate limit exceeded;1",
            // A secondary limit with Retry-After.
            "403;17;;30;You have exceeded a secondary rate limit;30",
            "429;;;5;;5",
            // A secondary limit without a time: at least a minute, as GitHub's docs say.
            "403;4000;;;You have exceeded a secondary rate limit;60",
            "429;;;;;60",
    })
    void rateLimitsWaitAsGitHubSays(int status, String remaining, String reset, String retryAfter, String message,
            long wait) {
        RateLimit limit = RateLimit.of(status, headers(remaining, reset, retryAfter), message == null ? "" : message,
                NOW);
        assertEquals(wait, limit.waitSeconds());
    }

    @ParameterizedTest(name = "{0} \"{1}\" is not a rate limit")
    @CsvSource(delimiter = ';', value = {
            "403;Resource not accessible by integration",
            "404;Not Found",
            "500;Server Error",
            "422;Validation Failed",
    })
    void otherRefusalsAreNotRateLimits(int status, String message) {
        assertNull(RateLimit.of(status, headers("4999", "1800000120", ""), message, NOW));
    }
}
