package dev.covenant.signing;

import io.vertx.core.http.HttpServerRequest;

/**
 * Where a signing request came from, kept with the signature as evidence: the page's caller ({@code ip},
 * {@code userAgent}), or {@code comment}, the pull-request comment that signed; each null when not known.
 */
public record Origin(String ip, String userAgent, Comment comment) {

    /** A comment on pull request {@code number} of {@code repository} ({@code owner/name}); {@code url} its page. */
    public record Comment(long id, String url, String repository, int number) {
    }

    public Origin {
        ip = truncate(ip, 100);
        userAgent = truncate(userAgent, 500);
    }

    public Origin(String ip, String userAgent) {
        this(ip, userAgent, null);
    }

    public static Origin of(Comment comment) {
        return new Origin(null, null, comment);
    }

    static Origin of(HttpServerRequest request) {
        String ip = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new Origin(ip, request.getHeader("User-Agent"));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
