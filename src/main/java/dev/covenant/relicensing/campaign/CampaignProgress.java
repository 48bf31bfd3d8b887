package dev.covenant.relicensing.campaign;

import java.util.List;
import java.util.function.ToLongFunction;

import dev.covenant.relicensing.report.RelicensingStatus;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.ReportTotals;

/**
 * Where a campaign stands, from its report: the report's totals (a commit is cleared when everyone credited with
 * it is), and for the chart each measure split four ways: cleared by an agreement, consented, refused (declined,
 * conditional or unreachable) and not answered yet. Commits and lines in the split are summed per contributor, so a
 * co-authored commit counts for each of its people. Pure.
 */
public record CampaignProgress(ReportTotals totals, List<Bar> bars) {

    /** One measure split four ways. */
    public record Bar(String measure, long agreement, long consented, long refused, long open) {

        public long total() {
            return agreement + consented + refused + open;
        }
    }

    public static CampaignProgress of(ReportTotals totals, List<ContributorReport> contributors) {
        return new CampaignProgress(totals, List.of(bar("people", contributors, c -> 1, c -> 0),
                bar("commits", contributors, ContributorReport::commits, ContributorReport::commitsCleared),
                bar("lines", contributors, ContributorReport::linesAdded, ContributorReport::linesCleared)));
    }

    private static Bar bar(String measure, List<ContributorReport> contributors, ToLongFunction<ContributorReport> all,
            ToLongFunction<ContributorReport> cleared) {
        long agreement = 0, consented = 0, refused = 0, open = 0;
        for (ContributorReport c : contributors) {
            long whole = all.applyAsLong(c);
            switch (c.status()) {
                case GRANTED, LICENSE_ALLOWS -> agreement += whole;
                case CONSENTED -> consented += whole;
                default -> {
                    // Part of a blocked person's work may be cleared by an agreement (signed later, say).
                    long byAgreement = cleared.applyAsLong(c);
                    agreement += byAgreement;
                    if (refused(c.status())) {
                        refused += whole - byAgreement;
                    } else {
                        open += whole - byAgreement;
                    }
                }
            }
        }
        return new Bar(measure, agreement, consented, refused, open);
    }

    static boolean refused(RelicensingStatus status) {
        return status == RelicensingStatus.DECLINED || status == RelicensingStatus.CONDITIONAL
                || status == RelicensingStatus.UNREACHABLE;
    }
}
