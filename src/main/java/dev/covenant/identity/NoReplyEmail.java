package dev.covenant.identity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub no-reply address: {@code ID+login@users.noreply.github.com} names the account by its id, the older
 * {@code login@users.noreply.github.com} only by its login. {@code githubId} is null for the older form.
 */
public record NoReplyEmail(Long githubId, String login) {

    // Logins are letters, digits and hyphens; App bots add "[bot]" (41898282+github-actions[bot]@...).
    private static final Pattern FORM = Pattern.compile(
            "(?:(\\d{1,19})\\+)?([a-z0-9](?:[a-z0-9-]{0,38})(?:\\[bot\\])?)@users\\.noreply\\.github\\.com",
            Pattern.CASE_INSENSITIVE);

    private static final String DOMAIN = "@users.noreply.github.com";

    public static Optional<NoReplyEmail> parse(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String address = email.strip();
        // Reports resolve a hundred thousand addresses at a time, nearly none of them no-reply: skip the pattern.
        if (!address.regionMatches(true, address.length() - DOMAIN.length(), DOMAIN, 0, DOMAIN.length())) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(address);
        if (!m.matches()) {
            return Optional.empty();
        }
        Long id = null;
        if (m.group(1) != null) {
            try {
                id = Long.parseLong(m.group(1));
            } catch (NumberFormatException tooLarge) {
                return Optional.empty();
            }
        }
        return Optional.of(new NoReplyEmail(id, m.group(2)));
    }
}
