package dev.covenant.github;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An answer of {@link FakeGitHub}, built fully before it is written so that handlers stay free of I/O. */
record FakeResponse(int status, Map<String, String> headers, byte[] body) {

    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final String DOCS = "https://docs.github.com/rest";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    FakeResponse {
        headers = new LinkedHashMap<>(headers);
    }

    static FakeResponse json(int status, Object value) {
        try {
            return new FakeResponse(status, Map.of("Content-Type", JSON_TYPE), MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GitHub's error object; current GitHub repeats the status as a string in the body. */
    static FakeResponse error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("documentation_url", DOCS);
        body.put("status", String.valueOf(status));
        return json(status, body);
    }

    /**
     * GitHub's 422 for a request it understood but refuses: {@code errors} holds one object per problem, each naming
     * the {@code resource}, the {@code field} and a {@code code} such as "missing_field", "invalid" or "custom".
     */
    static FakeResponse validationFailed(String docs, List<Map<String, Object>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Validation Failed");
        body.put("errors", errors);
        body.put("documentation_url", docs);
        body.put("status", "422");
        return json(422, body);
    }

    /** One entry of {@link #validationFailed}; {@code message} is only set for code "custom", as GitHub does. */
    static Map<String, Object> fieldError(String resource, String field, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("resource", resource);
        error.put("code", code);
        error.put("field", field);
        if (message != null) {
            error.put("message", message);
        }
        return error;
    }

    static FakeResponse form(Map<String, String> fields) {
        return new FakeResponse(200, Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                encodeForm(fields).getBytes(StandardCharsets.UTF_8));
    }

    static FakeResponse html(int status, String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        String page = "<!DOCTYPE html><html><head><title>Fake GitHub</title></head><body><p>" + escaped
                + "</p></body></html>";
        return new FakeResponse(status, Map.of("Content-Type", "text/html; charset=utf-8"),
                page.getBytes(StandardCharsets.UTF_8));
    }

    static FakeResponse redirect(String location) {
        return new FakeResponse(302, Map.of("Location", location), new byte[0]);
    }

    static FakeResponse noContent() {
        return new FakeResponse(204, Map.of(), new byte[0]);
    }

    FakeResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new FakeResponse(status, more, body);
    }

    /** Sets a header unless the handler already chose a value, as for the rate limit of a 403 it made up. */
    FakeResponse withDefaultHeader(String name, String value) {
        return headers.containsKey(name) ? this : withHeader(name, value);
    }

    /** Form encoding as GitHub writes it: spaces become '+'. */
    static String encodeForm(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
