package dev.covenant.github;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request as {@link FakeGitHub} received it. {@code path} is decoded, {@code query} is raw (null when absent) and
 * header names are case-insensitive, because clients disagree on capitalisation.
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
        String body) {

    public RecordedRequest {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
    }

    /** First value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, String> queryParams() {
        return decodeForm(query);
    }

    /** The body read as {@code application/x-www-form-urlencoded}. */
    public Map<String, String> formParams() {
        return decodeForm(body);
    }

    /** Decodes form encoding; a repeated name keeps its first value, which is all the fake's endpoints need. */
    static Map<String, String> decodeForm(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
