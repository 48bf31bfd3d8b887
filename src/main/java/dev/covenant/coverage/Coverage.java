package dev.covenant.coverage;

/**
 * Whether one contributor is covered, and by what; the caller adapts the signing package's answer to this so the
 * check's logic needs nothing from it.
 */
public record Coverage(boolean covered, By by, String detail) {

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
        detail = detail == null ? "" : detail;
    }

    public static Coverage by(By by, String detail) {
        return new Coverage(true, by, detail);
    }

    public static Coverage none(String detail) {
        return new Coverage(false, By.NONE, detail);
    }
}
