package dev.covenant.relicensing.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.Paging;
import dev.covenant.identity.Identity;
import dev.covenant.relicensing.campaign.CampaignViews;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.Report;

class PagingTest {

    private static final Report REPORT = new Report("acme/widget", "MIT", null, null, null,
            IntStream.range(0, 5)
                    .mapToObj(i -> new ContributorReport("c" + i, null, null, List.of(), Identity.Source.RAW,
                            RelicensingStatus.NO_AGREEMENT, null, "why", 5 - i, 5 - i, 0, 1, 0, 0, null, null,
                            List.of(),
                            List.of()))
                    .toList());

    @ParameterizedTest(name = "offset {0}, limit {1}: {2}, next at {3}")
    @CsvSource({"0, 2, 'c0,c1', 2", "2, 2, 'c2,c3', 4", "4, 2, c4, ", "3, 10, 'c3,c4', ", "5, 2, '', ", "9, 2, '', "})
    void aPageHoldsItsStretchOfTheReportAndSaysWhereTheNextStarts(int offset, int limit, String names, Integer next) {
        Report page = REPORT.page(new Paging(offset, limit), at -> "next?offset=" + at);
        assertEquals(names.isEmpty() ? List.of() : List.of(names.split(",")),
                page.contributors().stream().map(ContributorReport::contributor).toList());
        assertEquals(next == null ? null : "next?offset=" + next, page.page().next());
        assertEquals(5, page.page().total());
    }

    @Test
    void absentValuesGiveTheFirstThousand() {
        assertEquals(new Paging(0, 1000), Paging.of(null, " "));
        assertEquals(new Paging(20, 10_000), Paging.of(" 20 ", "10000"));
        assertNull(REPORT.page(new Paging(0, 1000), at -> "x").page().next());
    }

    @Test
    void theDashboardsFirstRowsSayWhetherTheyLeaveSomeoneOut() {
        List<CampaignViews.Weighted> three = IntStream.range(0, 3).mapToObj(i -> new CampaignViews.Weighted("c" + i,
                null, null, RelicensingStatus.NO_AGREEMENT, 3 - i, 0, 0, 0, null, "why", null, null, null)).toList();
        CampaignViews.Detail detail = new CampaignViews.Detail(null, null, three);
        assertFalse(detail.truncated(), "the whole list");
        assertTrue(detail.page(new Paging(0, 2), at -> null).truncated());
        assertEquals(List.of("c0", "c1"), detail.page(new Paging(0, 2), at -> null).contributors().stream()
                .map(CampaignViews.Weighted::contributor).toList());
        assertFalse(detail.page(new Paging(0, 3), at -> null).truncated());
    }

    @ParameterizedTest
    @CsvSource({"offset, -1, 10", "offset, x, 10", "limit, 0, 0", "limit, 0, 10001", "limit, 0, 1.5",
            "offset, 99999999999, 1"})
    void outOfRangeOrNotANumberNamesTheField(String field, String offset, String limit) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Paging.of(offset, limit));
        assertEquals(List.of(field), e.errors().stream().map(FieldError::field).toList(), e.errors().toString());
    }
}
