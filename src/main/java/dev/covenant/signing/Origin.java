package dev.covenant.signing;

import io.vertx.core.http.HttpServerRequest;

/** Where a signing request came from, kept with the signature as evidence. */
public record Origin(String ip, String userAgent) {

    public Origin {
        ip = truncate(ip, 100);
        userAgent = truncate(userAgent, 500);
    }

    static Origin of(HttpServerRequest request) {
        String ip = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new Origin(ip, request.getHeader("User-Agent"));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
