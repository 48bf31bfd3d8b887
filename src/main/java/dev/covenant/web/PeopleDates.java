package dev.covenant.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Dates as people read them, pure: {@code 3 December 2026, 14:05 UTC} for an instant (never a raw timestamp with its
 * microseconds), {@code 3 December 2026} for a day, and, for an instant near {@code now}, how long ago or how soon
 * ("2 hours ago", "in 5 minutes"). The machine-readable form is what a {@code <time datetime>} carries.
 */
public final class PeopleDates {

    /** Past this distance from now the date alone says it better than "41 days ago". */
    static final Duration RELATIVE_WITHIN = Duration.ofDays(30);

    private static final DateTimeFormatter INSTANT_TEXT = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'",
            Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TEXT = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter INSTANT_ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'",
            Locale.ROOT);

    /** A date shown to a person: {@code text}, {@code datetime} for the element, and {@code relative} or null. */
    public record Shown(String datetime, String text, String relative) {
    }

    private PeopleDates() {
    }

    public static Shown of(Instant at, Instant now) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return new Shown(INSTANT_ISO.format(utc.truncatedTo(ChronoUnit.SECONDS)), INSTANT_TEXT.format(utc),
                relative(at, now));
    }

    /** An instant in a sentence: {@code 3 December 2026, 14:05 UTC}. */
    public static String text(Instant at) {
        return INSTANT_TEXT.format(at.atZone(ZoneOffset.UTC));
    }

    public static Shown of(LocalDate day) {
        return new Shown(day.toString(), DAY_TEXT.format(day), null);
    }

    /** "just now", "1 minute ago", "3 hours ago", "2 days ago", "in 5 minutes"; null when further than 30 days. */
    static String relative(Instant at, Instant now) {
        Duration distance = Duration.between(at, now);
        boolean past = !distance.isNegative();
        Duration size = distance.abs();
        if (size.compareTo(RELATIVE_WITHIN) > 0) {
            return null;
        }
        if (size.compareTo(Duration.ofMinutes(1)) < 0) {
            return "just now";
        }
        String amount;
        if (size.compareTo(Duration.ofHours(1)) < 0) {
            amount = count(size.toMinutes(), "minute");
        } else if (size.compareTo(Duration.ofDays(1)) < 0) {
            amount = count(size.toHours(), "hour");
        } else {
            amount = count(size.toDays(), "day");
        }
        return past ? amount + " ago" : "in " + amount;
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
