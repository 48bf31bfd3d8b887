package dev.covenant.coverage;

/**
 * The answer for one subject at one moment: covered or not, by what ({@code grant} for a signature or a company
 * approval, {@code allowlistPattern} for an allowlisted account), and in words why.
 */
public record Coverage(boolean covered, By by, String reason, Grant grant, String allowlistPattern) {

    public enum By {
        ALLOWLIST, INDIVIDUAL, CORPORATE, NONE
    }

    public Coverage {
        if (by == null) {
            throw new IllegalArgumentException("coverage needs a 'by'; use NONE when not covered");
        }
        if (covered == (by == By.NONE)) {
            throw new IllegalArgumentException("covered=" + covered + " contradicts by=" + by);
        }
        reason = reason == null ? "" : reason;
    }

    public static Coverage by(By by, String reason) {
        return new Coverage(true, by, reason, null, null);
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
