package dev.covenant.web;

import java.time.Clock;
import java.time.Instant;

import io.quarkus.arc.Arc;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

/**
 * Every instant on a page: {@code {signature.signedAt.when}} renders {@code <time datetime="2026-12-03T14:05:00Z">3
 * December 2026, 14:05 UTC</time>} and, when it is recent, how long ago (from the service's {@link Clock}); days
 * are {@link DayExtensions}'. The markup comes from {@code templates/web/when.html}, which escapes.
 */
@CheckedTemplate(basePath = "web")
public class DateExtensions {

    static native TemplateInstance when(PeopleDates.Shown shown);

    static RawString render(PeopleDates.Shown shown) {
        return new RawString(when(shown).render().strip());
    }

    /** The extension itself, apart from the template that renders it. */
    public static final class Instants {

        private Instants() {
        }

        @TemplateExtension
        static RawString when(Instant at) {
            return at == null
                    ? new RawString("")
                    : render(PeopleDates.of(at, Instant.now(Arc.container().instance(Clock.class).get())));
        }

        /** The day (UTC) alone, for tables of many dates: {@code <time datetime="2014-06-01">1 June 2014</time>}. */
        @TemplateExtension
        static RawString day(Instant at) {
            return at == null
                    ? new RawString("")
                    : render(PeopleDates.of(at.atZone(java.time.ZoneOffset.UTC).toLocalDate()));
        }
    }
}
