package dev.covenant.relicensing.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.covenant.project.RepositoryName;

/**
 * The links of a repository's relicensing page, with the target and date kept. Query values are percent-encoded
 * (a space as {@code %20}, never {@code +}), so that the page's address also passes sign-in's {@code next} check.
 */
final class ReportLinks {

    private ReportLinks() {
    }

    /** {@code repository} is {@link RepositoryName}'s, which holds only letters, digits, '-', '.', '_' and the '/'. */
    static RelicensingPages.Links of(String repository, String to, String at, String trivialLines) {
        String trivial = trivialLines == null || trivialLines.isBlank()
                ? null
                : "trivialLines=" + encode(trivialLines.strip());
        return new RelicensingPages.Links(page(repository, to, at) + (trivial == null ? "" : and(to, at) + trivial),
                "/api/repos/" + repository + "/relicensing"
                        + query(to, at, trivial == null ? "format=csv" : trivial + "&format=csv"),
                page(repository, null, null) + "/imports");
    }

    static String page(String repository, String to, String at) {
        return "/repos/" + repository + "/relicensing" + query(to, at, null);
    }

    /** What joins one more parameter to {@link #page}'s address. */
    private static String and(String to, String at) {
        return query(to, at, null).isEmpty() ? "?" : "&";
    }

    static String signIn(String repository, String to, String at) {
        return "/login?next=" + encode(page(repository, to, at));
    }

    private static String query(String to, String at, String extra) {
        StringBuilder query = new StringBuilder();
        append(query, "to", to);
        append(query, "at", at);
        if (extra != null) {
            query.append(query.length() == 0 ? '?' : '&').append(extra);
        }
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(query.length() == 0 ? '?' : '&').append(name).append('=').append(encode(value.strip()));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
