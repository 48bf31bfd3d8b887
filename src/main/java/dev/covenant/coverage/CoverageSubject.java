package dev.covenant.coverage;

import java.util.List;
import java.util.Locale;

/**
 * Whose coverage is asked about: a GitHub account ({@code githubId}, {@code login}) when one is known, and the
 * addresses that count for company approvals (the commit's own and the account's verified ones, lower-cased).
 */
public record CoverageSubject(Long githubId, String login, List<String> emails) {

    public CoverageSubject {
        emails = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** Whether the subject is a GitHub account, so that it can sign; otherwise only an address. */
    public boolean isAccount() {
        return githubId != null || login != null;
    }
}
