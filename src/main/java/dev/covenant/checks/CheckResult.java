package dev.covenant.checks;

import java.util.List;

import dev.covenant.coverage.Coverage;

/** The pull-request check's verdict: one row per contributor, in the order they first appear. */
public record CheckResult(Conclusion conclusion, List<Row> rows, Counts counts) {

    public enum Conclusion {
        SUCCESS, FAILURE
    }

    public enum Status {
        /** Signed, approved by a company, or allowlisted. */
        COVERED,
        /** A GitHub account without coverage: they sign. */
        NOT_COVERED,
        /** An address no account or approval accounts for: they link it to their account first. */
        UNKNOWN_EMAIL
    }

    /** One contributor's verdict; what they have to do is for the texts (templates/checks) to say. */
    public record Row(Contributor contributor, Status status, Coverage coverage) {

        public String detail() {
            return coverage.detail();
        }
    }

    public record Counts(int total, int covered, int notCovered, int unknownEmail) {
    }

    public CheckResult {
        rows = List.copyOf(rows);
    }

    public boolean passed() {
        return conclusion == Conclusion.SUCCESS;
    }

    /** The rows someone has to act on. */
    public List<Row> missing() {
        return rows.stream().filter(r -> r.status() != Status.COVERED).toList();
    }
}
