package dev.covenant.relicensing.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.covenant.identity.Identity;
import dev.covenant.relicensing.report.RelicensingStatus;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.ReportTotals;

/** The progress split four ways, and the chart's geometry. Plain JUnit. */
class ProgressChartTest {

    private static ContributorReport c(RelicensingStatus status, long commits, long cleared) {
        return new ContributorReport("x", null, null, List.of("x@y.z"), Identity.Source.RAW, status, null, "r", commits,
                commits, 0, commits * 10, cleared, cleared * 10, Instant.EPOCH, Instant.EPOCH, List.of(), List.of());
    }

    private static final ReportTotals TOTALS = new ReportTotals(6, 2, 16, 9, 160, 90, 0.3333, 0.5625, 0.5625);

    private static final List<ContributorReport> PEOPLE = List.of(c(RelicensingStatus.GRANTED, 5, 5),
            c(RelicensingStatus.CONSENTED, 3, 3), c(RelicensingStatus.DECLINED, 2, 0),
            c(RelicensingStatus.CONDITIONAL, 1, 0), c(RelicensingStatus.NO_AGREEMENT, 4, 1),
            c(RelicensingStatus.UNKNOWN_IDENTITY, 1, 0));

    @Test
    void eachMeasureIsSplitIntoAgreementConsentedRefusedAndOpen() {
        CampaignProgress progress = CampaignProgress.of(TOTALS, PEOPLE);
        assertEquals(new CampaignProgress.Bar("people", 1, 1, 2, 2), progress.bars().get(0));
        // The NO_AGREEMENT person signed part-way: 1 of their 4 commits is cleared by the agreement.
        assertEquals(new CampaignProgress.Bar("commits", 6, 3, 3, 4), progress.bars().get(1));
        assertEquals(new CampaignProgress.Bar("lines", 60, 30, 30, 40), progress.bars().get(2));
    }

    @Test
    void partsFillTheBarExactlyAndInOrder() {
        ProgressChart chart = ProgressChart.of(null, CampaignProgress.of(TOTALS, PEOPLE), "x");
        assertEquals(List.of("people", "commits", "lines"),
                chart.rows().stream().map(ProgressChart.Row::measure).toList());
        for (ProgressChart.Row row : chart.rows()) {
            assertEquals(4, row.parts().size(), row.measure());
            List<ProgressChart.Part> parts = row.parts();
            assertEquals(ProgressChart.LABEL, parts.get(0).x());
            for (int i = 1; i < parts.size(); i++) {
                assertEquals(parts.get(i - 1).x() + parts.get(i - 1).width(), parts.get(i).x(), "no gap, no overlap");
            }
            ProgressChart.Part last = parts.get(parts.size() - 1);
            assertEquals(ProgressChart.LABEL + ProgressChart.BAR, last.x() + last.width(), row.measure());
        }
        ProgressChart.Row commits = chart.rows().get(1);
        assertEquals(List.of(158, 78, 79, 105), commits.parts().stream().map(ProgressChart.Part::width).toList());
        assertEquals(9, commits.cleared(), "the report's count, where a commit counts once");
        assertEquals(16, commits.total());
    }

    @Test
    void anEmptyHistoryDrawsEmptyBars() {
        ProgressChart chart = ProgressChart.of(null,
                CampaignProgress.of(new ReportTotals(0, 0, 0, 0, 0, 0, 1, 1, 1), List.of()), null);
        assertEquals(List.of("people", "commits", "lines"),
                chart.rows().stream().map(ProgressChart.Row::measure).toList());
        List<Integer> empty = List.of(0, 0, 0, 0);
        assertEquals(List.of(empty, empty, empty),
                chart.rows().stream().map(row -> row.parts().stream().map(ProgressChart.Part::width).toList())
                        .toList());
    }
}
