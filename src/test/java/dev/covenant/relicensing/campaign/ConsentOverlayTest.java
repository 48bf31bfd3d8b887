package dev.covenant.relicensing.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.covenant.identity.Identity;
import dev.covenant.relicensing.report.RelicensingStatus;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.Decided;
import dev.covenant.relicensing.report.ReportModel.Segment;

/** Campaign answers laid over a decided report: plain JUnit, no database. */
class ConsentOverlayTest {

    private static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");

    private static ContributorReport person(long id, String email, RelicensingStatus status, long commits,
            long cleared) {
        return new ContributorReport("p" + id, id, "p" + id, List.of(email), Identity.Source.VERIFIED_EMAIL, status,
                null, "decided", commits, commits, 0, commits * 10, cleared, cleared * 10, AT, AT, List.of(),
                List.of());
    }

    private static ContributorReport raw(String email, RelicensingStatus status, long commits) {
        return new ContributorReport(email, null, null, List.of(email), Identity.Source.RAW, status, null, "decided",
                commits, commits, 0, commits * 10, 0, 0, AT, AT, List.of(), List.of());
    }

    private static Segment segment(String email, long commits) {
        return new Segment(email, 1, commits, commits, commits * 10, commits * 10, AT, AT);
    }

    private static ConsentAnswer answer(String key, Answer answer, String note) {
        return new ConsentAnswer(key, 7, answer, note, null, Consent.RecordedAs.MAINTAINER, "@maint", AT, 42, "h");
    }

    @ParameterizedTest
    @CsvSource({"YES, CONSENTED, 3, 30", "NO, DECLINED, 1, 10", "CONDITIONAL, CONDITIONAL, 1, 10",
            "UNREACHABLE, UNREACHABLE, 1, 10"})
    void anAnswerGivesItsStatusAndOnlyYesClears(Answer given, RelicensingStatus status, long commitsCleared,
            long linesCleared) {
        Decided decided = new Decided(List.of(person(1, "a@x.org", RelicensingStatus.NO_AGREEMENT, 3, 1)),
                List.of(segment("a@x.org", 2)));
        Decided overlaid = ConsentOverlay.apply(decided, Map.of("github:1", answer("github:1", given, "a note")));
        ContributorReport result = overlaid.contributors().get(0);
        assertEquals(status, result.status());
        assertEquals(commitsCleared, result.commitsCleared());
        assertEquals(linesCleared, result.linesCleared());
        assertTrue(result.reason().contains("campaign 7") && result.reason().endsWith(": a note"), result.reason());
        assertEquals(given == Answer.YES ? 0 : 1, overlaid.blocked().size(), "only a yes unblocks the segments");
    }

    @Test
    void aGrantedContributorKeepsTheAgreementWhateverTheyAnswered() {
        ContributorReport granted = person(1, "a@x.org", RelicensingStatus.GRANTED, 2, 2);
        Decided overlaid = ConsentOverlay.apply(new Decided(List.of(granted), List.of()),
                Map.of("github:1", answer("github:1", Answer.NO, null)));
        assertSame(granted, overlaid.contributors().get(0));
    }

    @Test
    void rawAddressesAreMatchedByAddressAndOthersStayAsDecided() {
        ContributorReport unknown = raw("z@y.org", RelicensingStatus.UNKNOWN_IDENTITY, 2);
        ContributorReport forbidden = person(2, "b@x.org", RelicensingStatus.FORBIDDEN_BY_AGREEMENT, 4, 0);
        ContributorReport untouched = person(3, "c@x.org", RelicensingStatus.NO_AGREEMENT, 1, 0);
        Decided decided = new Decided(List.of(unknown, forbidden, untouched),
                List.of(segment("z@y.org", 2), segment("b@x.org", 4), segment("c@x.org", 1)));
        Decided overlaid = ConsentOverlay.apply(decided, Map.of(
                "email:z@y.org", answer("email:z@y.org", Answer.YES, null),
                "github:2", answer("github:2", Answer.YES, null)));
        assertEquals(List.of(RelicensingStatus.CONSENTED, RelicensingStatus.CONSENTED, RelicensingStatus.NO_AGREEMENT),
                overlaid.contributors().stream().map(ContributorReport::status).toList());
        assertEquals(List.of("c@x.org"), overlaid.blocked().stream().map(Segment::email).toList());
        assertSame(untouched, overlaid.contributors().get(2));
    }

    @Test
    void anAnswerGivenForARawAddressStaysWithItsOwnerOnceTheyAreKnown() {
        ContributorReport known = person(5, "z@y.org", RelicensingStatus.NO_AGREEMENT, 2, 0);
        Decided overlaid = ConsentOverlay.apply(new Decided(List.of(known), List.of(segment("z@y.org", 2))),
                Map.of("email:z@y.org", answer("email:z@y.org", Answer.YES, null)));
        assertEquals(RelicensingStatus.CONSENTED, overlaid.contributors().get(0).status());
        assertEquals(List.of(), overlaid.blocked());
    }

    @Test
    void withoutAnswersTheReportIsUnchanged() {
        Decided decided = new Decided(List.of(person(1, "a@x.org", RelicensingStatus.NO_AGREEMENT, 1, 0)),
                List.of(segment("a@x.org", 1)));
        assertSame(decided, ConsentOverlay.apply(decided, Map.of()));
    }
}
