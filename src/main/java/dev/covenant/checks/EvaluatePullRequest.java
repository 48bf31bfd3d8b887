package dev.covenant.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.covenant.checks.CheckResult.Conclusion;
import dev.covenant.checks.CheckResult.Counts;
import dev.covenant.checks.CheckResult.Row;
import dev.covenant.checks.CheckResult.Status;
import dev.covenant.checks.Contributor.Kind;
import dev.covenant.coverage.Coverage;

/**
 * Decides the check: it passes only when every contributor is covered; an empty pull request passes. The coverage
 * lookup is asked once per contributor.
 */
public final class EvaluatePullRequest {

    private EvaluatePullRequest() {
    }

    public static CheckResult evaluate(List<Contributor> contributors, Function<Contributor, Coverage> coverageLookup) {
        List<Row> rows = new ArrayList<>(contributors.size());
        int covered = 0;
        int notCovered = 0;
        int unknownEmail = 0;
        for (Contributor contributor : contributors) {
            Coverage coverage = coverageLookup.apply(contributor);
            if (coverage == null) {
                throw new IllegalStateException("the coverage lookup gave no answer for " + contributor.handle());
            }
            Status status = statusOf(contributor, coverage);
            switch (status) {
                case COVERED -> covered++;
                case NOT_COVERED -> notCovered++;
                case UNKNOWN_EMAIL -> unknownEmail++;
            }
            rows.add(new Row(contributor, status, coverage));
        }
        Conclusion conclusion = covered == rows.size() ? Conclusion.SUCCESS : Conclusion.FAILURE;
        return new CheckResult(conclusion, rows, new Counts(rows.size(), covered, notCovered, unknownEmail));
    }

    static Status statusOf(Contributor contributor, Coverage coverage) {
        if (coverage.covered()) {
            return Status.COVERED;
        }
        return contributor.kind() == Kind.EMAIL_ONLY ? Status.UNKNOWN_EMAIL : Status.NOT_COVERED;
    }
}
