package dev.covenant.relicensing.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.covenant.api.InvalidInputException;
import dev.covenant.identity.Identity;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.Report;
import dev.covenant.relicensing.report.ReportModel.ReportTotals;

/** What each reader sees of a report, and the page's links. */
class ReportReaderTest {

    private static final Instant DAY = Instant.parse("2024-01-01T00:00:00Z");

    private static ContributorReport row(String who, Long githubId, RelicensingStatus status) {
        return new ContributorReport(who, githubId, githubId == null ? null : who, List.of(who + "@example.org"),
                githubId == null ? Identity.Source.RAW : Identity.Source.VERIFIED_EMAIL, status, null, "because", 3, 3,
                0, 10, 0, 0, DAY, DAY, List.of(), List.of());
    }

    private static final Report REPORT = new Report("acme/widget", "Apache-2.0", null, null,
            ReportTotals.of(3, 1, 9, 3, 30, 10), List.of(row("ada", 1L, RelicensingStatus.GRANTED),
                    row("bob", 2L, RelicensingStatus.NO_AGREEMENT),
                    row("raw", null, RelicensingStatus.UNKNOWN_IDENTITY)));

    @Test
    void adminsAndMaintainersSeeTheWholeReport() {
        assertSame(REPORT, ReportReader.admin().visible(REPORT));
        assertSame(REPORT, new ReportReader(2L, true).visible(REPORT));
    }

    @Test
    void aContributorSeesTheirOwnRowWithoutTotals() {
        Report own = new ReportReader(2L, false).visible(REPORT);
        assertEquals(List.of("bob"), own.contributors().stream().map(ContributorReport::contributor).toList());
        assertNull(own.totals());
        assertEquals(REPORT.target(), own.target());
    }

    @Test
    void onlyWholeReportReadersMayNameACommit() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> new ReportReader(2L, false).at(" DEADBEEF "));
        assertEquals("at", refused.errors().get(0).field());
        assertEquals("2024-05-31", new ReportReader(2L, false).at("2024-05-31"));
        assertNull(new ReportReader(2L, false).at(null));
        assertEquals("deadbeef", new ReportReader(2L, true).at("deadbeef"));
        assertEquals("deadbeef", ReportReader.admin().at("deadbeef"));
    }

    @Test
    void someoneWhoNeverContributedSeesNobody() {
        assertEquals(List.of(), new ReportReader(99L, false).visible(REPORT).contributors());
    }

    @Test
    void anOwnPartNeedsAnAccount() {
        assertThrows(IllegalStateException.class, () -> new ReportReader(null, false));
    }

    @Test
    void linksKeepTheTargetEncodedSoThatSignInAcceptsThem() {
        var links = ReportLinks.of("acme/widget", "GPL-2.0+ OR MIT", " 2024-05-31 ", null);
        assertEquals("/repos/acme/widget/relicensing?to=GPL-2.0%2B%20OR%20MIT&at=2024-05-31", links.page());
        assertEquals("/api/repos/acme/widget/relicensing?to=GPL-2.0%2B%20OR%20MIT&at=2024-05-31&format=csv",
                links.csv());
        assertEquals("/repos/acme/widget/relicensing/imports", links.startImport());
        assertEquals("/api/repos/acme/widget/relicensing?format=csv",
                ReportLinks.of("acme/widget", null, "", " ").csv());
        var trivial = ReportLinks.of("acme/widget", "MIT", null, "3");
        assertEquals("/repos/acme/widget/relicensing?to=MIT&trivialLines=3", trivial.page());
        assertEquals("/api/repos/acme/widget/relicensing?to=MIT&trivialLines=3&format=csv", trivial.csv());
        assertEquals("/login?next=%2Frepos%2Facme%2Fwidget%2Frelicensing%3Fto%3DMIT%2526X",
                ReportLinks.signIn("acme/widget", "MIT&X", null));
    }
}
