package dev.covenant.relicensing.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GitLogDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Thu Apr 7 15:13:13 2005 -0700        | 2005-04-07T15:13:13-07:00",
            "Fri Apr 8 11:43:13 2005 +0530        | 2005-04-08T11:43:13+05:30",
            "Sun Dec 31 23:59:59 2023 +0000       | 2023-12-31T23:59:59Z",
            "Mon Jan 1 00:00:00 1970 +1400        | 1970-01-01T00:00+14:00",
            "2005-04-07T15:13:13-07:00            | 2005-04-07T15:13:13-07:00",
            "2005-04-07 15:13:13 -0700            | 2005-04-07T15:13:13-07:00",
            "'Thu, 7 Apr 2005 15:13:13 -0700'     | 2005-04-07T15:13:13-07:00",
            "1112911993 -0700                     | 2005-04-07T15:13:13-07:00",
    })
    void theFormatsGitPrintsWithAnOffsetAreRead(String printed, String expected) {
        assertEquals(OffsetDateTime.parse(expected), GitDates.parse(printed));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // git keeps whatever offset a tool wrote; the instant still counts, in UTC.
            "Thu Apr 7 15:13:13 2005 -9900        | 2005-04-11T18:13:13Z",
    })
    void anImpossibleOffsetKeepsTheInstant(String printed, String expected) {
        assertEquals(OffsetDateTime.parse(expected), GitDates.parse(printed));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Thu Apr 7 15:13:13 2005",
            "1112911993",
            "2 hours ago",
            "2005-04-07",
            "Thu Foo 7 15:13:13 2005 -0700",
            "Thu Apr 32 15:13:13 2005 -0700",
            "Thu Apr 7 15:13 2005 -0700",
            "Thu Apr 7 15:13:13 2005 0700",
            "Thu Apr +7 15:13:13 2005 -0700",
            "",
    })
    void datesWithoutAnOffsetOrOutOfShapeAreRefused(String printed) {
        assertNull(GitDates.parse(printed));
    }
}
