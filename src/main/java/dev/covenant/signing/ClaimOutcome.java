package dev.covenant.signing;

import java.time.Instant;

/**
 * What became of a request for a code or of a code entered: expected outcomes, answered at the edge. {@code at} is
 * when the code expires ({@code SENT}, {@code EXPIRED}), the claim was verified ({@code VERIFIED}), or the lock ends
 * ({@code LOCKED}) or another code may be mailed ({@code TOO_MANY_CODES}); {@code triesLeft} counts the wrong codes still allowed ({@code WRONG}).
 */
public record ClaimOutcome(Kind kind, String email, Instant at, int triesLeft, LinkView.Ledger ledger) {

    public enum Kind {
        SENT, VERIFIED, ALREADY_VERIFIED, NO_CODE, EXPIRED, WRONG, LOCKED, TOO_MANY_CODES
    }

    static ClaimOutcome of(Kind kind, String email, Instant at) {
        return new ClaimOutcome(kind, email, at, 0, null);
    }
}
