package dev.covenant.coverage;

/**
 * The answer for one subject at one moment: covered or not, by what ({@code grant} for a signature or a company
 * approval, {@code allowlistPattern} for an allowlisted account), and in words why. When not covered although the
 * subject holds a signature of a version the project no longer accepts (a new major version was published),
 * {@code heldVersion} is that version, so that they can be told to sign the new one; null otherwise.
 */
public record Coverage(boolean covered, By by, String reason, Grant grant, String allowlistPattern,
        String heldVersion) {

    /**
     * What covers the subject. {@code SIGN_OFF}: a Developer Certificate of Origin sign-off on each of their commits,
     * in a project whose mode takes them; only the check, which reads the commits, can tell, so the database never
     * answers it.
     */
    public enum By {
        ALLOWLIST, INDIVIDUAL, CORPORATE, SIGN_OFF, NONE
    }

    public Coverage {
        if (by == null) {
            throw new IllegalArgumentException("coverage needs a 'by'; use NONE when not covered");
        }
        if (covered == (by == By.NONE)) {
            throw new IllegalArgumentException("covered=" + covered + " contradicts by=" + by);
        }
        reason = reason == null ? "" : reason;
        if (covered && heldVersion != null) {
            throw new IllegalArgumentException("a covered subject needs no new signature");
        }
    }

    public Coverage(boolean covered, By by, String reason, Grant grant, String allowlistPattern) {
        this(covered, by, reason, grant, allowlistPattern, null);
    }

    /** Not covered, but holding a signature of {@code heldVersion}, which the project no longer accepts. */
    public static Coverage superseded(String reason, String heldVersion) {
        return new Coverage(false, By.NONE, reason, null, null, heldVersion);
    }

    /** Whether the subject must sign the version the project now asks for, having signed an older major one. */
    public boolean mustSignNewVersion() {
        return heldVersion != null;
    }

    public static Coverage by(By by, String reason) {
        return new Coverage(true, by, reason, null, null);
    }

    /** Covered by the sign-offs on their commits, {@code reason} saying which. */
    public static Coverage signedOff(String reason) {
        return new Coverage(true, By.SIGN_OFF, reason, null, null);
    }

    public static Coverage none(String reason) {
        return new Coverage(false, By.NONE, reason, null, null);
    }

    static Coverage granted(Grant grant) {
        By by = grant.kind() == Grant.Kind.INDIVIDUAL ? By.INDIVIDUAL : By.CORPORATE;
        return new Coverage(true, by, grant.describe(), grant, null);
    }

    /** What the check shows next to the contributor. */
    public String detail() {
        return reason;
    }
}
