package dev.covenant.relicensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.covenant.relicensing.VerdictModel.Blocker;
import dev.covenant.relicensing.VerdictModel.ContributorLines;
import dev.covenant.relicensing.VerdictModel.Decided;
import dev.covenant.relicensing.VerdictModel.FileVerdict;
import dev.covenant.relicensing.VerdictModel.Standing;
import dev.covenant.relicensing.VerdictModel.SurvivingRow;

class FileVerdictsTest {

    static final Standing ADA = new Standing("ada", "GRANTED", true);
    static final Standing GRACE = new Standing("grace", "NO_AGREEMENT", false);
    static final Standing ZOE = new Standing("zoe@x.example", "UNKNOWN_IDENTITY", false);
    static final Standing LIN = new Standing("lin", "CONSENTED", true);

    static final Map<String, Standing> STANDINGS = Map.of("ada@x.example", ADA, "ada@old.example", ADA,
            "grace@x.example", GRACE, "zoe@x.example", ZOE, "lin@x.example", LIN);

    private static SurvivingRow row(String path, String author, long lines, String... coAuthors) {
        return new SurvivingRow(path, author, List.of(coAuthors), lines);
    }

    private static FileVerdict file(Decided decided, String path) {
        return decided.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void aFileOfClearedPeopleOnlyIsCleared() {
        Decided decided = new FileVerdicts(STANDINGS).add(row("a.c", "ada@x.example", 10))
                .add(row("a.c", "lin@x.example", 5)).decide(0);
        FileVerdict a = file(decided, "a.c");
        assertTrue(a.cleared());
        assertEquals(15, a.lines());
        assertEquals(15, a.linesCleared());
        assertEquals(List.of(), a.blockedBy());
    }

    @Test
    void everyoneNotClearedBlocksByTheirLinesMostFirst() {
        Decided decided = new FileVerdicts(STANDINGS).add(row("a.c", "ada@x.example", 10))
                .add(row("a.c", "zoe@x.example", 2)).add(row("a.c", "grace@x.example", 7)).decide(0);
        FileVerdict a = file(decided, "a.c");
        assertFalse(a.cleared());
        assertEquals(19, a.lines());
        assertEquals(10, a.linesCleared());
        assertEquals(List.of(new Blocker("grace", "NO_AGREEMENT", 7), new Blocker("zoe@x.example", "UNKNOWN_IDENTITY", 2)),
                a.blockedBy());
    }

    /** A line is cleared only when its author and every co-author are. */
    @ParameterizedTest
    @CsvSource({ "ada@x.example, lin@x.example, true", "ada@x.example, grace@x.example, false",
            "grace@x.example, ada@x.example, false", "zoe@x.example, grace@x.example, false" })
    void aCoAuthoredLineNeedsEveryone(String author, String coAuthor, boolean cleared) {
        Decided decided = new FileVerdicts(STANDINGS).add(row("a.c", author, 4, coAuthor)).decide(0);
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
        Decided decided = new FileVerdicts(STANDINGS).add(row("a.c", "ada@x.example", 3, "ada@old.example"))
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
        Decided decided = new FileVerdicts(STANDINGS).add(row("a.c", "stranger@y.example", 3)).decide(0);
        assertEquals(List.of(new Blocker("stranger@y.example", FileVerdicts.NOT_IN_HISTORY, 3)),
                file(decided, "a.c").blockedBy());
        assertFalse(decided.contributors().get(0).cleared());
    }

    @Test
    void theMostBlockedFilesComeFirstAndTheTotalsAddUp() {
        Decided decided = new FileVerdicts(STANDINGS).add(row("z.c", "ada@x.example", 50))
                .add(row("b.c", "grace@x.example", 1)).add(row("c.c", "zoe@x.example", 9))
                .add(row("c.c", "ada@x.example", 1)).add(row("a.c", "grace@x.example", 1))
                .add(row("m.c", "lin@x.example", 2)).decide(3);
        assertEquals(List.of("c.c", "a.c", "b.c", "m.c", "z.c"), decided.files().stream().map(FileVerdict::path).toList());
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
        Decided decided = new FileVerdicts(STANDINGS).decide(2);
        assertEquals(0, decided.totals().lines());
        assertEquals(1.0, decided.totals().linesShare());
        assertEquals(List.of(), decided.files());
    }
}
