package dev.covenant.relicensing.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.covenant.identity.Identity;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.ReportTotals;
import dev.covenant.relicensing.report.ReportModel.Split;
import dev.covenant.relicensing.report.ReportModel.Splits;

/** The progress split four ways, and the chart's geometry. Plain JUnit. */
class ProgressChartTest {

    private static ContributorReport c(RelicensingStatus status, long commits, long cleared) {
        return new ContributorReport("x", null, null, List.of("x@y.z"), Identity.Source.RAW, status, null, "r", commits,
                commits, 0, commits * 10, cleared, cleared * 10, Instant.EPOCH, Instant.EPOCH, List.of(), List.of());
    }

    /** 16 commits, each counted once in the split, 9 of them cleared: 6 by agreements, 3 by consents. */
    private static final ReportTotals TOTALS = new ReportTotals(7, 3, 16, 9, 160, 90, 0.4286, 0.5625, 0.5625)
            .withSplit(new Splits(new Split(6, 3, 3, 4), new Split(60, 30, 30, 40)));

    private static final List<ContributorReport> PEOPLE = List.of(c(RelicensingStatus.GRANTED, 5, 5),
            c(RelicensingStatus.CONSENTED, 3, 3), c(RelicensingStatus.DECLINED, 2, 0),
            c(RelicensingStatus.CONDITIONAL, 1, 0), c(RelicensingStatus.NO_AGREEMENT, 4, 1),
            c(RelicensingStatus.UNKNOWN_IDENTITY, 1, 0), c(RelicensingStatus.TRIVIAL, 1, 1));

    @Test
    void peopleAreCountedOnceByStatusAndCommitsAndLinesComeFromTheReportsSplit() {
        ReportProgress progress = ReportProgress.of(TOTALS, PEOPLE);
        assertEquals(new ReportProgress.Bar("people", 2, 1, 2, 2), progress.bars().get(0),
                "a TRIVIAL person is cleared without asking, as the report counts them");
        assertEquals(new ReportProgress.Bar("commits", 6, 3, 3, 4), progress.bars().get(1));
        assertEquals(new ReportProgress.Bar("lines", 60, 30, 30, 40), progress.bars().get(2));
    }

    @Test
    void eachBarAddsUpToItsTotalAndItsClearedPartsToTheReportsClearedCount() {
        ProgressChart chart = ProgressChart.of("acme/widget", "MIT", "Apache-2.0", 1L,
                ReportProgress.of(TOTALS, PEOPLE), "x");
        ProgressChart.Row people = chart.rows().get(0);
        assertEquals(TOTALS.people(), people.total());
        assertEquals(TOTALS.peopleCleared(), people.cleared());
        ProgressChart.Row commits = chart.rows().get(1);
        assertEquals(TOTALS.commits(), commits.total());
        assertEquals(TOTALS.commitsCleared(), commits.cleared());
        for (ProgressChart.Row row : chart.rows()) {
            assertEquals(row.total(), row.parts().stream().mapToLong(ProgressChart.Part::value).sum(), row.measure());
        }
    }

    @Test
    void aReportAskedWithoutItsSplitCannotBeCharted() {
        assertThrows(IllegalStateException.class,
                () -> ReportProgress.of(new ReportTotals(1, 0, 1, 0, 1, 0, 0, 0, 0), List.of()));
    }

    @Test
    void partsFillTheBarExactlyAndInOrder() {
        ProgressChart chart = ProgressChart.of("acme/widget", "MIT", "Apache-2.0", 1L,
                ReportProgress.of(TOTALS, PEOPLE), "x");
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
    }

    @Test
    void theChartIsWideEnoughForItsLongestText() {
        String someone = "a-very-long-address-of-somebody-who-has-not-answered@subdomain.example.org";
        ReportTotals big = new ReportTotals(123_456, 12_345, 9_876_543, 1_234_567, 987_654_321, 123_456_789, 0, 0, 0)
                .withSplit(new Splits(new Split(1_000_000, 234_567, 1, 8_641_975),
                        new Split(100_000_000, 23_456_789, 1, 864_197_531)));
        ProgressChart chart = ProgressChart.of("an-organisation-with-a-long-name/and-a-repository-too", "GPL-2.0-only",
                "Apache-2.0 OR MIT", 7L, new ReportProgress(big, List.of(new ReportProgress.Bar("people", 12_345, 0,
                        0, 111_111), ReportProgress.Bar.of("commits", big.split().commits()),
                        ReportProgress.Bar.of("lines", big.split().lines()))),
                someone);
        String lines = "123456789 of 987654321 cleared";
        assertTrue(chart.totalsX() + lines.length() * ProgressChart.CHAR <= chart.width(), "the totals fit");
        assertTrue(("Largest without an answer: " + someone).length() * ProgressChart.CHAR <= chart.width(),
                "the note fits");
        assertTrue(ProgressChart.LEGEND <= chart.width(), "the legend fits");
    }

    @Test
    void anEmptyHistoryDrawsEmptyBars() {
        ProgressChart chart = ProgressChart.of("acme/widget", null, "MIT", null,
                ReportProgress.of(new ReportTotals(0, 0, 0, 0, 0, 0, 1, 1, 1)
                        .withSplit(new Splits(new Split(0, 0, 0, 0), new Split(0, 0, 0, 0))), List.of()),
                null);
        List<Integer> empty = List.of(0, 0, 0, 0);
        assertEquals(List.of(empty, empty, empty),
                chart.rows().stream().map(row -> row.parts().stream().map(ProgressChart.Part::width).toList())
                        .toList());
    }
}
