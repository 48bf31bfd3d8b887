package dev.covenant.github;

import java.util.ArrayList;
import java.util.List;

/**
 * GitHub's page-number pagination: {@code per_page} (clamped to the endpoint's maximum, the default when missing or
 * not a positive number) and {@code page} (from 1), with a {@code Link} header of absolute URLs written as GitHub
 * writes it: {@code <...page=2>; rel="prev", <...page=4>; rel="next", <...page=9>; rel="last", <...page=1>;
 * rel="first"}, leaving out the relations that do not apply.
 */
record FakePaging(int page, int perPage) {

    static FakePaging of(RecordedRequest request, int defaultPerPage, int maxPerPage) {
        int perPage = positive(request.queryParams().get("per_page"), defaultPerPage);
        return new FakePaging(positive(request.queryParams().get("page"), 1), Math.min(perPage, maxPerPage));
    }

    /** Whether the caller asked for paging at all, which changes what compare returns. */
    static boolean requested(RecordedRequest request) {
        return request.queryParams().containsKey("per_page") || request.queryParams().containsKey("page");
    }

    <T> List<T> slice(List<T> all) {
        long from = (long) (page - 1) * perPage;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + perPage));
    }

    /** Adds the Link header for {@code total} items, if there is more than one page. */
    FakeResponse withLinks(FakeResponse response, RecordedRequest request, String webUrl, int total) {
        int last = Math.max(1, (total + perPage - 1) / perPage);
        if (last == 1 && page == 1) {
            return response;
        }
        List<String> links = new ArrayList<>();
        if (page > 1) {
            links.add(link(request, webUrl, Math.min(page - 1, last), "prev"));
        }
        if (page < last) {
            links.add(link(request, webUrl, page + 1, "next"));
            links.add(link(request, webUrl, last, "last"));
        }
        if (page > 1) {
            links.add(link(request, webUrl, 1, "first"));
        }
        return response.withHeader("Link", String.join(", ", links));
    }

    /** The request's own URL with {@code page} replaced, other parameters kept as sent. */
    private static String link(RecordedRequest request, String webUrl, int page, String rel) {
        List<String> params = new ArrayList<>();
        if (request.query() != null) {
            for (String pair : request.query().split("&")) {
                if (!pair.isEmpty() && !pair.equals("page") && !pair.startsWith("page=")) {
                    params.add(pair);
                }
            }
        }
        params.add("page=" + page);
        return "<" + webUrl + request.path() + "?" + String.join("&", params) + ">; rel=\"" + rel + "\"";
    }

    private static int positive(String value, int fallback) {
        try {
            int number = value == null ? fallback : Integer.parseInt(value.trim());
            return number > 0 ? number : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
