package dev.covenant.relicensing.blame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.covenant.identity.Identity;
import dev.covenant.relicensing.blame.VerdictModel.Blocker;
import dev.covenant.relicensing.blame.VerdictModel.ContributorLines;
import dev.covenant.relicensing.blame.VerdictModel.Decided;
import dev.covenant.relicensing.blame.VerdictModel.FileVerdict;
import dev.covenant.relicensing.blame.VerdictModel.Standing;
import dev.covenant.relicensing.blame.VerdictModel.Standings;
import dev.covenant.relicensing.blame.VerdictModel.SurvivingRow;
import dev.covenant.relicensing.report.RelicensingStatus;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.Period;

class FileVerdictsTest {

    static final Standing ADA = new Standing("ada", "GRANTED", true);
    static final Standing GRACE = new Standing("grace", "NO_AGREEMENT", false);
    static final Standing ZOE = new Standing("zoe@x.example", "UNKNOWN_IDENTITY", false);
    static final Standing LIN = new Standing("lin", "CONSENTED", true);

    static final Map<String, Standing> STANDINGS = Map.of("ada@x.example", ADA, "ada@old.example", ADA,
            "grace@x.example", GRACE, "zoe@x.example", ZOE, "lin@x.example", LIN);

    /** The standings of people judged the same for all their contributions, whatever a line's date. */
    static final Standings UNDATED = (email, authoredAt) -> STANDINGS.get(email);

    private static SurvivingRow row(String path, String author, long lines, String... coAuthors) {
        return new SurvivingRow(path, author, List.of(coAuthors), null, lines);
    }

    private static FileVerdict file(Decided decided, String path) {
        return decided.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void aFileOfClearedPeopleOnlyIsCleared() {
        Decided decided = new FileVerdicts(UNDATED).add(row("a.c", "ada@x.example", 10))
                .add(row("a.c", "lin@x.example", 5)).decide(0);
        FileVerdict a = file(decided, "a.c");
        assertTrue(a.cleared());
        assertEquals(15, a.lines());
        assertEquals(15, a.linesCleared());
        assertEquals(List.of(), a.blockedBy());
    }

    @Test
    void everyoneNotClearedBlocksByTheirLinesMostFirst() {
        Decided decided = new FileVerdicts(UNDATED).add(row("a.c", "ada@x.example", 10))
                .add(row("a.c", "zoe@x.example", 2)).add(row("a.c", "grace@x.example", 7)).decide(0);
        FileVerdict a = file(decided, "a.c");
        assertFalse(a.cleared());
        assertEquals(19, a.lines());
        assertEquals(10, a.linesCleared());
        assertEquals(
                List.of(new Blocker("grace", "NO_AGREEMENT", 7), new Blocker("zoe@x.example", "UNKNOWN_IDENTITY", 2)),
                a.blockedBy());
    }

    /** A line is cleared only when its author and every co-author are. */
    @ParameterizedTest
    @CsvSource({"ada@x.example, lin@x.example, true", "ada@x.example, grace@x.example, false",
            "grace@x.example, ada@x.example, false", "zoe@x.example, grace@x.example, false"})
    void aCoAuthoredLineNeedsEveryone(String author, String coAuthor, boolean cleared) {
        Decided decided = new FileVerdicts(UNDATED).add(row("a.c", author, 4, coAuthor)).decide(0);
        FileVerdict a = file(decided, "a.c");
        assertEquals(cleared, a.cleared());
        assertEquals(cleared ? 4 : 0, a.linesCleared());
        long blockers = STANDINGS.get(author).cleared() ? 0 : 1;
        blockers += STANDINGS.get(coAuthor).cleared() ? 0 : 1;
        assertEquals(blockers, a.blockedBy().size());
        a.blockedBy().forEach(b -> assertEquals(4, b.lines()));
    }

    @Test
    void onePersonsAddressesCountOnce() {
        Decided decided = new FileVerdicts(UNDATED).add(row("a.c", "ada@x.example", 3, "ada@old.example"))
                .add(row("a.c", "ada@old.example", 2)).add(row("b.c", "ada@x.example", 1)).decide(0);
        ContributorLines ada = decided.contributors().get(0);
        assertEquals(1, decided.contributors().size());
        assertEquals("ada", ada.contributor());
        assertEquals(List.of("ada@old.example", "ada@x.example"), ada.emails());
        assertEquals(6, ada.lines());
        assertEquals(2, ada.files());
        assertEquals(6, decided.totals().linesCleared());
    }

    @Test
    void anAddressTheReportDoesNotKnowBlocks() {
        Decided decided = new FileVerdicts(UNDATED).add(row("a.c", "stranger@y.example", 3)).decide(0);
        assertEquals(List.of(new Blocker("stranger@y.example", FileVerdicts.NOT_IN_HISTORY, 3)),
                file(decided, "a.c").blockedBy());
        assertFalse(decided.contributors().get(0).cleared());
    }

    @Test
    void theMostBlockedFilesComeFirstAndTheTotalsAddUp() {
        Decided decided = new FileVerdicts(UNDATED).add(row("z.c", "ada@x.example", 50))
                .add(row("b.c", "grace@x.example", 1)).add(row("c.c", "zoe@x.example", 9))
                .add(row("c.c", "ada@x.example", 1)).add(row("a.c", "grace@x.example", 1))
                .add(row("m.c", "lin@x.example", 2)).decide(3);
        assertEquals(List.of("c.c", "a.c", "b.c", "m.c", "z.c"),
                decided.files().stream().map(FileVerdict::path).toList());
        var totals = decided.totals();
        assertEquals(5, totals.files());
        assertEquals(2, totals.filesCleared());
        assertEquals(3, totals.filesSkipped());
        assertEquals(64, totals.lines());
        assertEquals(53, totals.linesCleared());
        assertEquals(0.8281, totals.linesShare());
        assertEquals(List.of("ada", "zoe@x.example", "grace", "lin"),
                decided.contributors().stream().map(ContributorLines::contributor).toList());
    }

    @Test
    void nothingBlamedIsNothingBlocked() {
        Decided decided = new FileVerdicts(UNDATED).decide(2);
        assertEquals(0, decided.totals().lines());
        assertEquals(1.0, decided.totals().linesShare());
        assertEquals(List.of(), decided.files());
    }

    // Judged by date: the report's periods, as LineStandings reads them.

    /** Bea signed in 2021 an agreement that does not cover prior contributions: blocked before, granted after. */
    static final ContributorReport BEA = person("bea", RelicensingStatus.NO_AGREEMENT,
            period("2019-01-01T00:00:00Z", "2020-06-30T00:00:00Z", RelicensingStatus.NO_AGREEMENT),
            period("2021-03-01T00:00:00Z", "2022-12-31T00:00:00Z", RelicensingStatus.GRANTED));
    /** Cy signed an agreement whose outbound policy forbids the target: two ways of being blocked. */
    static final ContributorReport CY = person("cy", RelicensingStatus.FORBIDDEN_BY_AGREEMENT,
            period("2019-01-01T00:00:00Z", "2019-12-31T00:00:00Z", RelicensingStatus.NO_AGREEMENT),
            period("2021-01-01T00:00:00Z", "2021-12-31T00:00:00Z", RelicensingStatus.FORBIDDEN_BY_AGREEMENT));
    /** Lin never signed but consented: the consent covers every period the agreement did not. */
    static final ContributorReport LIN_CONSENTED = person("lin", RelicensingStatus.CONSENTED,
            period("2019-01-01T00:00:00Z", "2022-12-31T00:00:00Z", RelicensingStatus.NO_AGREEMENT));
    static final ContributorReport ADA_GRANTED = person("ada", RelicensingStatus.GRANTED,
            period("2019-01-01T00:00:00Z", "2022-12-31T00:00:00Z", RelicensingStatus.GRANTED));
    static final ContributorReport GRACE_UNSIGNED = person("grace", RelicensingStatus.NO_AGREEMENT,
            period("2019-01-01T00:00:00Z", "2022-12-31T00:00:00Z", RelicensingStatus.NO_AGREEMENT));

    /** Dee signed late, like Bea, then declined in a campaign: her answer blocks what the agreement did not cover. */
    static final ContributorReport DEE_DECLINED = person("dee", RelicensingStatus.DECLINED,
            period("2019-01-01T00:00:00Z", "2020-06-30T00:00:00Z", RelicensingStatus.NO_AGREEMENT),
            period("2021-03-01T00:00:00Z", "2022-12-31T00:00:00Z", RelicensingStatus.GRANTED));

    static final Standings BY_DATE = LineStandings.of(List.of(BEA, CY, LIN_CONSENTED, ADA_GRANTED, GRACE_UNSIGNED,
            DEE_DECLINED));

    private static ContributorReport person(String name, RelicensingStatus status, Period... periods) {
        return new ContributorReport(name, null, name, List.of(name + "@x.example"), Identity.Source.VERIFIED_EMAIL,
                status, null, "as the test says", 0, 0, 0, 0, 0, 0, null, null, List.of(), List.of(periods));
    }

    private static Period period(String from, String to, RelicensingStatus status) {
        return new Period(Instant.parse(from), Instant.parse(to), 1, 1, status, null, "as the test says", "MIT");
    }

    /** A date alone is noon UTC that day; empty is a date unknown (a row blamed before dates were kept). */
    private static Instant at(String date) {
        return date == null ? null : date.length() == 10 ? Instant.parse(date + "T12:00:00Z") : Instant.parse(date);
    }

    private static SurvivingRow dated(String path, String author, String date, long lines, String... coAuthors) {
        return new SurvivingRow(path, author + "@x.example", Arrays.stream(coAuthors).map(c -> c + "@x.example")
                .toList(), at(date), lines);
    }

    /**
     * A line takes, for each person credited with it, the status of the report's period that holds its date; a date
     * no period holds, or none, takes the overall status; an overall status that clears clears every date.
     */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "bea,  -,     2019-05-01,           false, bea NO_AGREEMENT",
            "bea,  -,     2021-05-01,           true,  -",
            "bea,  -,     2021-03-01T00:00:00Z, true,  -",
            "bea,  -,     2022-12-31T00:00:00Z, true,  -",
            "bea,  -,     2020-06-30T00:00:01Z, false, bea NO_AGREEMENT",
            "bea,  -,     2020-09-01,           false, bea NO_AGREEMENT",
            "bea,  -,     2024-01-01,           false, bea NO_AGREEMENT",
            "bea,  -,     -,                    false, bea NO_AGREEMENT",
            "cy,   -,     2019-05-01,           false, cy NO_AGREEMENT",
            "cy,   -,     2021-05-01,           false, cy FORBIDDEN_BY_AGREEMENT",
            "cy,   -,     2020-06-01,           false, cy FORBIDDEN_BY_AGREEMENT",
            "cy,   -,     -,                    false, cy FORBIDDEN_BY_AGREEMENT",
            "bea,  grace, 2021-05-01,           false, grace NO_AGREEMENT",
            "ada,  bea,   2019-05-01,           false, bea NO_AGREEMENT",
            "ada,  bea,   2021-05-01,           true,  -",
            "grace, bea,  2019-05-01,           false, bea NO_AGREEMENT; grace NO_AGREEMENT",
            "lin,  -,     2019-05-01,           true,  -",
            "lin,  -,     -,                    true,  -",
            "lin,  bea,   2021-05-01,           true,  -",
            "dee,  -,     2019-05-01,           false, dee DECLINED",
            "dee,  -,     2021-05-01,           true,  -",
            "zed,  -,     2021-05-01,           false, zed@x.example NOT_IN_HISTORY"})
    void eachLineIsJudgedByItsCommitsDate(String author, String coAuthor, String date, boolean cleared,
            String blockers) {
        SurvivingRow row = coAuthor == null ? dated("a.c", author, date, 4) : dated("a.c", author, date, 4, coAuthor);
        FileVerdict a = file(new FileVerdicts(BY_DATE).add(row).decide(0), "a.c");
        assertEquals(cleared, a.cleared());
        assertEquals(cleared ? 4 : 0, a.linesCleared());
        assertEquals(blockers == null ? "" : blockers, a.blockedBy().stream()
                .map(b -> b.contributor() + " " + b.status()).sorted().collect(Collectors.joining("; ")));
        a.blockedBy().forEach(b -> assertEquals(4, b.lines()));
    }

    @Test
    void linesBeforeAnAgreementBlockAndLinesAfterItAreCleared() {
        Decided decided = new FileVerdicts(BY_DATE).add(dated("a.c", "bea", "2019-05-01", 4))
                .add(dated("a.c", "bea", "2021-05-01", 6)).add(dated("a.c", "ada", "2019-05-01", 10))
                .add(dated("a.c", "bea", "2020-01-02", 1)).add(dated("b.c", "bea", "2022-02-02", 3)).decide(0);
        FileVerdict a = file(decided, "a.c");
        assertFalse(a.cleared());
        assertEquals(21, a.lines());
        assertEquals(16, a.linesCleared());
        assertEquals(List.of(new Blocker("bea", "NO_AGREEMENT", 5)), a.blockedBy());
        assertTrue(file(decided, "b.c").cleared());
        ContributorLines bea = decided.contributors().stream().filter(c -> c.contributor().equals("bea")).findFirst()
                .orElseThrow();
        assertEquals(new ContributorLines("bea", List.of("bea@x.example"), "NO_AGREEMENT", false, 14, 9, 2), bea);
        assertEquals(19, decided.totals().linesCleared());
    }

    /** Blocked under two statuses in one file: the blocker shows the one most of their lines have, in any order. */
    @Test
    void aBlockerTakesTheStatusOfMostOfTheirBlockedLines() {
        List<SurvivingRow> rows = List.of(dated("a.c", "cy", "2019-05-01", 3), dated("a.c", "cy", "2021-05-01", 5),
                dated("b.c", "cy", "2019-05-01", 7), dated("b.c", "cy", "2021-05-01", 2));
        List<SurvivingRow> reversed = new ArrayList<>(rows);
        Collections.reverse(reversed);
        for (List<SurvivingRow> order : List.of(rows, reversed)) {
            FileVerdicts verdicts = new FileVerdicts(BY_DATE);
            order.forEach(verdicts::add);
            Decided decided = verdicts.decide(0);
            assertEquals(List.of(new Blocker("cy", "FORBIDDEN_BY_AGREEMENT", 8)), file(decided, "a.c").blockedBy());
            assertEquals(List.of(new Blocker("cy", "NO_AGREEMENT", 9)), file(decided, "b.c").blockedBy());
            assertEquals(new ContributorLines("cy", List.of("cy@x.example"), "FORBIDDEN_BY_AGREEMENT", false, 17, 0,
                    2), decided.contributors().get(0));
        }
    }

    @Test
    void aConsentClearsEveryLineWhateverItsDate() {
        Decided decided = new FileVerdicts(BY_DATE).add(dated("a.c", "lin", "2019-05-01", 4))
                .add(dated("a.c", "lin", null, 2)).add(dated("a.c", "lin", "2030-01-01", 1)).decide(0);
        assertTrue(file(decided, "a.c").cleared());
        assertEquals(new ContributorLines("lin", List.of("lin@x.example"), "CONSENTED", true, 7, 7, 1),
                decided.contributors().get(0));
    }
}
