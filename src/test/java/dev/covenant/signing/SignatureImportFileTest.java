package dev.covenant.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.covenant.api.Csv;

class SignatureImportFileTest {

    @Test
    void liteFileEntriesKeepTheirIdLoginDateAndRecord() {
        SignatureImportFile.Parsed parsed = SignatureImportFile.lite("""
                {"signedContributors": [
                  {"name": "octocat", "id": 583231, "comment_id": 1012, "created_at": "2021-03-04T05:06:07Z",
                   "repoId": 77, "pullRequestNo": 3},
                  {"name": "ghost", "id": 10137, "comment_id": 1013, "created_at": "2020-01-02T00:00:00+02:00",
                   "repoId": 77, "pullRequestNo": 4}
                ]}""");
        assertFalse(parsed.unreadable());
        assertEquals(List.of(), parsed.malformed());
        assertEquals(2, parsed.entries().size());
        SignatureImportFile.Entry first = parsed.entries().get(0);
        assertEquals("signedContributors[0]", first.place());
        assertEquals(583231L, first.githubId());
        assertEquals("octocat", first.login());
        assertEquals(Instant.parse("2021-03-04T05:06:07Z"), first.signedAt());
        assertEquals("{\"comment_id\":1012,\"created_at\":\"2021-03-04T05:06:07Z\",\"id\":583231,\"name\":\"octocat\","
                + "\"pullRequestNo\":3,\"repoId\":77}", first.original());
        assertEquals(Instant.parse("2020-01-01T22:00:00Z"), parsed.entries().get(1).signedAt());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"a\", \"created_at\": \"2021-01-01T00:00:00Z\"}|signedContributors[0].id",
            "{\"name\": \"a\", \"id\": \"12\", \"created_at\": \"2021-01-01T00:00:00Z\"}|signedContributors[0].id",
            "{\"name\": \"a\", \"id\": -4, \"created_at\": \"2021-01-01T00:00:00Z\"}|signedContributors[0].id",
            "{\"name\": \"a\", \"id\": 4}|signedContributors[0].created_at",
            "{\"name\": \"a\", \"id\": 4, \"created_at\": \"yesterday\"}|signedContributors[0].created_at",
            "{\"name\": \"a\", \"id\": 4, \"created_at\": \"2021-01-01T00:00:00Z\", \"repoId\": 1.5}|signedContributors[0]",
            "17|signedContributors[0]"})
    void aLiteEntryThatCannotBeReadIsListedWithItsPlace(String entry, String place) {
        SignatureImportFile.Parsed parsed = SignatureImportFile.lite("{\"signedContributors\": [" + entry + "]}");
        assertEquals(List.of(), parsed.entries());
        assertEquals(place, parsed.malformed().get(0).place(), parsed.malformed().toString());
        assertFalse(parsed.unreadable());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"signedContributors\": [|file", "[]|signedContributors",
            "{\"signed\": []}|signedContributors", "null|signedContributors"})
    void aFileThatIsNotLitesIsUnreadable(String text, String place) {
        SignatureImportFile.Parsed parsed = SignatureImportFile.lite(text);
        assertTrue(parsed.unreadable());
        assertEquals(place, parsed.malformed().get(0).place());
    }

    @Test
    void csvColumnsBeyondWhoAndWhenAreFormAnswers() {
        SignatureImportFile.Parsed parsed = SignatureImportFile.csv("""
                User Name,Signed At,Full name,Company,Country\r
                octocat,2021-03-04,"Mona ""The"" Octocat","GitHub, Inc.",US\r
                ,2021-03-04,Nobody,,\r
                hubot,2021-13-01,Hubot,,\r
                """);
        assertEquals(1, parsed.entries().size());
        SignatureImportFile.Entry e = parsed.entries().get(0);
        assertEquals("line 2", e.place());
        assertNull(e.githubId());
        assertEquals("octocat", e.login());
        assertEquals(Instant.parse("2021-03-04T00:00:00Z"), e.signedAt());
        assertEquals(Map.of("Full name", "Mona \"The\" Octocat", "Company", "GitHub, Inc.", "Country", "US"),
                e.answers());
        assertEquals(List.of(new SignatureImportFile.Malformed("line 3", "neither a GitHub user id nor a login"),
                new SignatureImportFile.Malformed("line 4: Signed At",
                        "not a date (e.g. 2021-03-04T05:06:07Z or 2021-03-04)")),
                parsed.malformed());
    }

    @Test
    void aCsvWithoutWhoOrWhenOrWithBrokenQuotesIsUnreadable() {
        Map<String, String> cases = Map.of("name,email\nAda,a@example.org\n", "line 1", "", "line 1",
                "login,signed_at\n\"octocat,2021-01-01\n", "file", "login,signed_at\n\"octo\"cat,2021-01-01\n",
                "file");
        cases.forEach((text, place) -> {
            SignatureImportFile.Parsed parsed = SignatureImportFile.csv(text);
            assertTrue(parsed.unreadable(), parsed.toString());
            assertEquals(place, parsed.malformed().get(0).place(), text);
        });
    }

    @Test
    void csvRowsKeepLineNumbersAcrossQuotedLineBreaks() {
        List<Csv.Row> rows = Csv.rows("\uFEFFa,b\n\"x\ny\",2\n\n3,4");
        assertEquals(List.of(new Csv.Row(1, List.of("a", "b")), new Csv.Row(2, List.of("x\ny", "2")),
                new Csv.Row(5, List.of("3", "4"))), rows);
    }

    /** The quick reading of the usual shape gives what the formatter gives, and leaves every other shape to it. */
    @ParameterizedTest
    @ValueSource(strings = {"2021-03-04T05:06:07Z", "1999-12-31T23:59:59Z", "2021-03-04T05:06:07.5Z",
            "2021-03-04T05:06:07.123456789Z", "2021-03-04T05:06:07.000001Z", "2024-02-29T00:00:00Z",
            "2021-02-29T00:00:00Z", "2021-13-01T00:00:00Z", "2021-03-04T24:00:00Z", "2021-03-04T05:06:60Z",
            "2021-03-04T05:06:07.Z", "2021-03-04T05:06:07.1234567890Z", "2021-03-04t05:06:07Z", "2021-03-04T05:06Z",
            "2021-03-04T05:06:07+02:00", "2021-0a-04T05:06:07Z", "2021-03-04"})
    void theUsualDateShapeReadsAsTheFormatterReadsIt(String text) {
        Instant formatter;
        try {
            formatter = java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            formatter = null;
        }
        Instant quick = SignatureImportFile.plainUtc(text);
        assertEquals(formatter != null && text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z"),
                quick != null, "read quickly: " + text);
        if (quick != null) {
            assertEquals(formatter, quick, text);
        }
        assertEquals(formatter != null
                ? formatter
                : text.length() == 10
                        ? java.time.LocalDate.parse(text).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
                        : null,
                SignatureImportFile.date(text), text);
    }
}
