package dev.covenant.relicensing.report;

import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** How the relicensing page writes numbers (dates are {@code web.DateExtensions}'): {@code {relic:percent(share)}} and the like. */
@TemplateExtension(namespace = "relic")
public final class ReportFormats {

    private ReportFormats() {
    }

    /** A share between 0 and 1 as a percentage with one decimal: {@code 0.4567} is {@code 45.7%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A rate with one decimal, as the page's script writes it too. */
    static String decimal(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
