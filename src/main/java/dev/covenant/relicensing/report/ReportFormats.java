package dev.covenant.relicensing.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** How the relicensing page writes numbers and times: {@code {relic:percent(share)}} and the like. */
@TemplateExtension(namespace = "relic")
public final class ReportFormats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReportFormats() {
    }

    /** A share between 0 and 1 as a percentage with one decimal: {@code 0.4567} is {@code 45.7%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    static String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    /** A rate with one decimal, as the page's script writes it too. */
    static String decimal(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
