package dev.covenant.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeopleDatesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T16:05:30Z");

    @ParameterizedTest(name = "{0} reads {1} at {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2026-12-03T14:05:00.123456Z | 3 December 2026, 14:05 UTC | 2026-12-03T14:05:00Z | 2 hours ago
            2026-12-03T16:05:00Z        | 3 December 2026, 16:05 UTC | 2026-12-03T16:05:00Z | just now
            2026-12-03T16:04:29Z        | 3 December 2026, 16:04 UTC | 2026-12-03T16:04:29Z | 1 minute ago
            2026-12-03T15:06:30Z        | 3 December 2026, 15:06 UTC | 2026-12-03T15:06:30Z | 59 minutes ago
            2026-12-03T15:05:30Z        | 3 December 2026, 15:05 UTC | 2026-12-03T15:05:30Z | 1 hour ago
            2026-12-02T16:05:30Z        | 2 December 2026, 16:05 UTC | 2026-12-02T16:05:30Z | 1 day ago
            2026-11-03T16:05:30Z        | 3 November 2026, 16:05 UTC | 2026-11-03T16:05:30Z | 30 days ago
            2026-11-03T16:05:29Z        | 3 November 2026, 16:05 UTC | 2026-11-03T16:05:29Z | -
            2019-01-09T08:00:59.999999Z | 9 January 2019, 08:00 UTC  | 2019-01-09T08:00:59Z | -
            2026-12-03T16:10:30Z        | 3 December 2026, 16:10 UTC | 2026-12-03T16:10:30Z | in 5 minutes
            2026-12-05T16:05:30Z        | 5 December 2026, 16:05 UTC | 2026-12-05T16:05:30Z | in 2 days
            """)
    void anInstantReadsAsADayAMinuteAndHowLongAgo(String at, String text, String datetime, String relative) {
        PeopleDates.Shown shown = PeopleDates.of(Instant.parse(at), NOW);
        assertEquals(new PeopleDates.Shown(datetime, text, relative), shown);
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2020-01-01 | 1 January 2020
            2026-12-31 | 31 December 2026
            """)
    void aDayReadsAsADay(String day, String text) {
        assertEquals(new PeopleDates.Shown(day, text, null), PeopleDates.of(LocalDate.parse(day)));
    }
}
