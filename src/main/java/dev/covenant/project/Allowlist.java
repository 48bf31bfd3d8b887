package dev.covenant.project;

import java.util.List;
import java.util.regex.Pattern;

/**
 * GitHub logins that never need to sign, as glob patterns: {@code *} matches any run of characters, {@code ?} one
 * character, everything else itself, case-insensitively (GitHub logins are). {@code *[bot]} matches every App bot.
 */
public record Allowlist(List<String> patterns) {

    public static final List<String> DEFAULT = List.of("*[bot]");
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9*?\\[\\]-]{1,100}");

    public Allowlist {
        patterns = List.copyOf(patterns);
    }

    public static boolean isValidPattern(String pattern) {
        return pattern != null && VALID.matcher(pattern).matches();
    }

    public boolean allows(String login) {
        if (login == null || login.isEmpty()) {
            return false;
        }
        return patterns.stream().anyMatch(p -> matches(p.toLowerCase(), 0, login.toLowerCase(), 0));
    }

    private static boolean matches(String pattern, int p, String text, int t) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int k = t; k <= text.length(); k++) {
                    if (matches(pattern, p + 1, text, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= text.length() || (c != '?' && c != text.charAt(t))) {
                return false;
            }
            p++;
            t++;
        }
        return t == text.length();
    }
}
