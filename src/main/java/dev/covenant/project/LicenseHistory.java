package dev.covenant.project;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The SPDX expression a project was licensed under from each date on; the latest entry not after a date applies. */
public record LicenseHistory(List<Entry> entries) {

    public record Entry(LocalDate from, String spdx) {
    }

    public LicenseHistory {
        entries = entries.stream().sorted(Comparator.comparing(Entry::from)).toList();
    }

    /** The license on a date, or empty when the date is before the first recorded license. */
    public Optional<String> licenseOn(LocalDate date) {
        String result = null;
        for (Entry entry : entries) {
            if (entry.from().isAfter(date)) {
                break;
            }
            result = entry.spdx();
        }
        return Optional.ofNullable(result);
    }
}
