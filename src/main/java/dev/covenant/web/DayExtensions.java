package dev.covenant.web;

import java.time.LocalDate;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/** A day on a page: {@code {approval.validFrom.when}} renders {@code <time datetime="2020-01-01">1 January 2020</time>}. */
public final class DayExtensions {

    private DayExtensions() {
    }

    @TemplateExtension
    static RawString when(LocalDate day) {
        return day == null ? new RawString("") : DateExtensions.render(PeopleDates.of(day));
    }
}
