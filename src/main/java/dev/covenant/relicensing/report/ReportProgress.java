package dev.covenant.relicensing.report;

import java.util.List;

import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.ReportTotals;
import dev.covenant.relicensing.report.ReportModel.Split;

/**
 * Where a report stands, for its chart: the totals, and each measure split four ways: cleared by an agreement,
 * consented, refused (declined, conditional or unreachable) and not answered yet. People are counted once each, by
 * their status; commits and lines once each too, by the report's {@link ReportModel.Splits} (a co-authored commit
 * is one commit, not one per author), so every bar adds up to its total. Pure.
 */
public record ReportProgress(ReportTotals totals, List<Bar> bars) {

    /** One measure split four ways. */
    public record Bar(String measure, long agreement, long consented, long refused, long open) {

        static Bar of(String measure, Split split) {
            return new Bar(measure, split.agreement(), split.consented(), split.refused(), split.open());
        }

        public long total() {
            return agreement + consented + refused + open;
        }
    }

    /** {@code totals} must hold their split (the report was asked for a chart). */
    public static ReportProgress of(ReportTotals totals, List<ContributorReport> contributors) {
        if (totals.split() == null) {
            throw new IllegalStateException("a chart needs the report's totals split four ways");
        }
        return new ReportProgress(totals, List.of(people(contributors), Bar.of("commits", totals.split().commits()),
                Bar.of("lines", totals.split().lines())));
    }

    private static Bar people(List<ContributorReport> contributors) {
        long agreement = 0, consented = 0, refused = 0, open = 0;
        for (ContributorReport c : contributors) {
            if (c.status().clearedWithoutAsking()) {
                agreement++;
            } else if (c.status() == RelicensingStatus.CONSENTED) {
                consented++;
            } else if (refused(c.status())) {
                refused++;
            } else {
                open++;
            }
        }
        return new Bar("people", agreement, consented, refused, open);
    }

    /** Asked, and not a plain yes: declined, yes on conditions, or could not be reached. */
    static boolean refused(RelicensingStatus status) {
        return status == RelicensingStatus.DECLINED || status == RelicensingStatus.CONDITIONAL
                || status == RelicensingStatus.UNREACHABLE;
    }
}
