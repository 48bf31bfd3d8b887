package dev.covenant.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.covenant.agreement.SemanticVersion;

class ProjectRulesTest {

    @ParameterizedTest
    @CsvSource({
            "*[bot], dependabot[bot], true",
            "*[bot], DependaBot[BOT], true",
            "*[bot], bot, false",
            "*[bot], robot[bot]x, false",
            "release-?, release-1, true",
            "release-?, release-10, false",
            "alice, alice, true",
            "alice, alicex, false"})
    void allowlistPatternsAreGlobs(String pattern, String login, boolean allowed) {
        assertEquals(allowed, new Allowlist(List.of(pattern)).allows(login));
    }

    @Test
    void anEmptyLoginIsNeverAllowlisted() {
        assertFalse(new Allowlist(List.of("*")).allows(""));
        assertFalse(new Allowlist(Allowlist.DEFAULT).allows(null));
    }

    @ParameterizedTest
    @CsvSource({
            "LATEST_MAJOR, 2.0.0, 2.1.0, , true",
            "LATEST_MAJOR, 1.9.0, 2.1.0, , false",
            "LATEST_MAJOR, 2.2.0, 2.1.0, , false",
            "SINCE, 1.5.0, 2.1.0, 1.5.0, true",
            "SINCE, 1.4.9, 2.1.0, 1.5.0, false",
            "SINCE, 2.1.0, 2.1.0, 1.5.0, true"})
    void acceptanceFollowsThePolicy(AcceptancePolicy policy, String candidate, String latest, String since,
            boolean accepted) {
        assertEquals(accepted, policy.accepts(v(candidate), v(latest), since == null ? null : v(since)));
    }

    @Test
    void theLicenseOnADateIsTheLatestEntryNotAfterIt() {
        LicenseHistory history = new LicenseHistory(List.of(
                new LicenseHistory.Entry(LocalDate.parse("2011-09-01"), "Apache-2.0"),
                new LicenseHistory.Entry(LocalDate.parse("2005-01-01"), "GPL-2.0-only")));
        assertEquals(Optional.empty(), history.licenseOn(LocalDate.parse("2004-12-31")));
        assertEquals(Optional.of("GPL-2.0-only"), history.licenseOn(LocalDate.parse("2005-01-01")));
        assertEquals(Optional.of("GPL-2.0-only"), history.licenseOn(LocalDate.parse("2011-08-31")));
        assertEquals(Optional.of("Apache-2.0"), history.licenseOn(LocalDate.parse("2011-09-01")));
        assertEquals(Optional.of("Apache-2.0"), history.licenseOn(LocalDate.parse("2030-01-01")));
    }

    private static SemanticVersion v(String text) {
        return SemanticVersion.parse(text).orElseThrow();
    }
}
