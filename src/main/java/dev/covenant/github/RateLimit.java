package dev.covenant.github;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * GitHub's ways of saying "not now", read from a refused answer: a primary rate limit (403 or 429 with {@code
 * X-RateLimit-Remaining: 0}, wait until {@code X-RateLimit-Reset}), a secondary one ({@code Retry-After} seconds, or
 * at least a minute when GitHub names none), or 429 alone.
 */
record RateLimit(long waitSeconds, String kind) {

    /** When GitHub names no time for a secondary limit, its documentation says to wait at least a minute. */
    static final long DEFAULT_WAIT_SECONDS = 60;

    /** Null when the answer is not a rate limit. */
    static RateLimit of(int status, HttpHeaders headers, String message, Instant now) {
        if (status != 403 && status != 429) {
            return null;
        }
        long retryAfter = retryAfter(headers);
        if (retryAfter > 0) {
            return new RateLimit(retryAfter, "secondary");
        }
        Optional<String> remaining = headers.firstValue("X-RateLimit-Remaining");
        if (remaining.isPresent() && remaining.get().trim().equals("0")) {
            long reset = number(headers.firstValue("X-RateLimit-Reset").orElse(""));
            long wait = reset > 0 ? reset - now.getEpochSecond() + 1 : DEFAULT_WAIT_SECONDS;
            return new RateLimit(Math.max(1, wait), "primary");
        }
        if (status == 429 || message.toLowerCase(Locale.ROOT).contains("rate limit")) {
            return new RateLimit(DEFAULT_WAIT_SECONDS, "secondary");
        }
        return null;
    }

    /** {@code Retry-After} in seconds (GitHub sends seconds, never a date), 0 when absent or unreadable. */
    static long retryAfter(HttpHeaders headers) {
        return Math.max(0, number(headers.firstValue("Retry-After").orElse("")));
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
