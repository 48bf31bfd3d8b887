package dev.covenant.relicensing.history;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The dates {@code git log} prints. Its default format ({@code Thu Apr 7 15:13:13 2005 -0700}) is read by hand,
 * being what almost every history uses; {@code --date=iso}, {@code iso-strict}, {@code rfc} and {@code raw} are
 * accepted too, so a maintainer's {@code log.date} setting does not break an import. Formats without an offset
 * ({@code local}, {@code unix}, {@code relative}, {@code short}) are refused: they lose the instant or the zone.
 */
final class GitDates {

    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xx", Locale.ROOT);

    private GitDates() {
    }

    /** The date with the offset git recorded, or null when the text is not a date git prints with an offset. */
    static OffsetDateTime parse(String text) {
        String[] parts = text.split(" ", -1);
        try {
            if (text.length() > 3 && text.charAt(3) == ',') {
                return OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            }
            if (parts.length == 6) {
                return defaultFormat(parts);
            }
            if (parts.length == 2) {
                return at(Instant.ofEpochSecond(Long.parseLong(parts[0])), offsetSeconds(parts[1]));
            }
            if (text.length() > 10 && text.charAt(10) == 'T') {
                return OffsetDateTime.parse(text);
            }
            return OffsetDateTime.parse(text, ISO);
        } catch (NumberFormatException | DateTimeException notADate) {
            return null;
        }
    }

    /** {@code Thu Apr 7 15:13:13 2005 -0700}; the weekday is not checked. */
    private static OffsetDateTime defaultFormat(String[] parts) {
        int month = MONTHS.indexOf(parts[1]) + 1;
        String[] time = parts[3].split(":", -1);
        if (parts[0].length() != 3 || month == 0 || time.length != 3) {
            throw new DateTimeParseException("not git's default date format", String.join(" ", parts), 0);
        }
        LocalDateTime local = LocalDateTime.of(number(parts[4]), month, number(parts[2]), number(time[0]),
                number(time[1]), number(time[2]));
        int offset = offsetSeconds(parts[5]);
        return at(local.toInstant(ZoneOffset.UTC).minusSeconds(offset), offset);
    }

    /**
     * Git stores whatever offset a tool wrote; one past Java's ±18:00 still has a well-defined instant, kept in
     * UTC rather than failing a whole import over one odd commit.
     */
    private static OffsetDateTime at(Instant instant, int offsetSeconds) {
        ZoneOffset zone = Math.abs(offsetSeconds) <= 18 * 3600
                ? ZoneOffset.ofTotalSeconds(offsetSeconds)
                : ZoneOffset.UTC;
        // Not instant.atOffset(zone): that builds the offset's zone rules anew for every date, twice per commit.
        return OffsetDateTime.of(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), zone), zone);
    }

    /** {@code +hhmm} or {@code -hhmm}. */
    private static int offsetSeconds(String zone) {
        if (zone.length() != 5 || (zone.charAt(0) != '+' && zone.charAt(0) != '-')) {
            throw new NumberFormatException("not an offset: " + zone);
        }
        int hours = number(zone.substring(1, 3));
        int minutes = number(zone.substring(3, 5));
        int seconds = hours * 3600 + minutes * 60;
        return zone.charAt(0) == '-' ? -seconds : seconds;
    }

    /** Digits only: {@link Integer#parseInt} would also take a sign. */
    private static int number(String digits) {
        if (digits.isEmpty() || digits.length() > 9) {
            throw new NumberFormatException("not a number: " + digits);
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a number: " + digits);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
