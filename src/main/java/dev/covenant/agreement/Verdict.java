package dev.covenant.agreement;

import java.util.Objects;

/**
 * Whether an outbound license is allowed, and why, in a sentence that names the license that
 * decided it.
 */
public record Verdict(boolean allowed, String reason) {

    public Verdict {
        Objects.requireNonNull(reason, "reason");
    }

    public static Verdict allowed(String reason) {
        return new Verdict(true, reason);
    }

    public static Verdict refused(String reason) {
        return new Verdict(false, reason);
    }
}
