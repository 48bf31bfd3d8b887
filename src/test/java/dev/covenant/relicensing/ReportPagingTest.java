package dev.covenant.relicensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.covenant.api.InvalidInputException;
import dev.covenant.relicensing.ReportModel.ContributorReport;
import dev.covenant.relicensing.ReportModel.Report;

class ReportPagingTest {

    private static final Report REPORT = new Report("acme/widget", "MIT", null, null, null,
            IntStream.range(0, 5).mapToObj(i -> new ContributorReport("c" + i, null, null, List.of(), Identity.Source.RAW,
                    RelicensingStatus.NO_AGREEMENT, null, "why", 5 - i, 5 - i, 0, 1, 0, 0, null, null, List.of(),
                    List.of())).toList());

    @ParameterizedTest(name = "offset {0}, limit {1}: {2}, next at {3}")
    @CsvSource({"0, 2, 'c0,c1', 2", "2, 2, 'c2,c3', 4", "4, 2, c4, ", "3, 10, 'c3,c4', ", "5, 2, '', ", "9, 2, '', "})
    void aPageHoldsItsStretchOfTheReportAndSaysWhereTheNextStarts(int offset, int limit, String names, Integer next) {
        Report page = new ReportPaging(offset, limit).apply(REPORT, at -> "next?offset=" + at);
        assertEquals(names.isEmpty() ? List.of() : List.of(names.split(",")),
                page.contributors().stream().map(ContributorReport::contributor).toList());
        assertEquals(next == null ? null : "next?offset=" + next, page.page().next());
        assertEquals(5, page.page().contributors());
    }

    @Test
    void absentValuesGiveTheFirstThousand() {
        assertEquals(new ReportPaging(0, 1000), ReportPaging.of(null, " "));
        assertEquals(new ReportPaging(20, 10_000), ReportPaging.of(" 20 ", "10000"));
        assertNull(new ReportPaging(0, 1000).apply(REPORT, at -> "x").page().next());
    }

    @ParameterizedTest
    @CsvSource({"offset, -1, 10", "offset, x, 10", "limit, 0, 0", "limit, 0, 10001", "limit, 0, 1.5",
            "offset, 99999999999, 1"})
    void outOfRangeOrNotANumberNamesTheField(String field, String offset, String limit) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ReportPaging.of(offset, limit));
        assertEquals(field, e.errors().get(0).field());
    }
}
