package dev.covenant.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.covenant.coverage.CoverageRules.ApprovalFact;
import dev.covenant.coverage.CoverageRules.By;
import dev.covenant.coverage.CoverageRules.Facts;
import dev.covenant.coverage.CoverageRules.SignatureFact;
import dev.covenant.coverage.CoverageRules.Subject;
import dev.covenant.project.Allowlist;
import dev.covenant.signing.Approval;

class CoverageRulesTest {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    static final long ACCEPTED = 10;
    static final long OLD_MAJOR = 5;

    static Subject person(String login, String... emails) {
        return new Subject(42L, login, List.of(emails));
    }

    static SignatureFact signature(long versionId, boolean coversPrior, String signedAt, String revokedAt) {
        return new SignatureFact(UUID.randomUUID(), versionId, "individual", "1.0.0", coversPrior,
                Instant.parse(signedAt),
                revokedAt == null ? null : Instant.parse(revokedAt));
    }

    static ApprovalFact approval(Approval.Kind kind, String value, String from, String until) {
        return new ApprovalFact(UUID.randomUUID(), "Acme", ACCEPTED, "corporate", "1.0.0", kind, value,
                LocalDate.parse(from),
                until == null ? null : LocalDate.parse(until), null);
    }

    static Facts facts(Subject subject, List<SignatureFact> signatures, List<ApprovalFact> approvals, Set<String> orgs,
            Instant at) {
        return new Facts(new Allowlist(Allowlist.DEFAULT), Set.of(ACCEPTED), subject, signatures, approvals, orgs, at);
    }

    @Test
    void botsPassByTheAllowlist() {
        var c = CoverageRules
                .evaluate(facts(new Subject(null, "dependabot[bot]", List.of()), List.of(), List.of(), Set.of(), NOW));
        assertEquals(By.ALLOWLIST, c.by());
        assertEquals("*[bot]", c.allowlistPattern());
    }

    @Test
    void anActiveSignatureOfAnAcceptedVersionCovers() {
        var c = CoverageRules
                .evaluate(facts(person("ada"), List.of(signature(ACCEPTED, false, "2026-01-01T00:00:00Z", null)),
                        List.of(), Set.of(), NOW));
        assertEquals(By.INDIVIDUAL, c.by());
    }

    @Test
    void aSignatureOfAVersionNoLongerAcceptedDoesNotCover() {
        var c = CoverageRules
                .evaluate(facts(person("ada"), List.of(signature(OLD_MAJOR, false, "2026-01-01T00:00:00Z", null)),
                        List.of(), Set.of(), NOW));
        assertFalse(c.covered());
        assertTrue(c.reason().contains("no longer accepts"), c.reason());
    }

    @ParameterizedTest
    @CsvSource({
            // signed, revoked, covers prior, moment asked about, covered?
            "2026-01-01T00:00:00Z, , false, 2026-06-15T12:00:00Z, true",
            "2026-01-01T00:00:00Z, 2026-03-01T00:00:00Z, false, 2026-02-01T00:00:00Z, true",
            "2026-01-01T00:00:00Z, 2026-03-01T00:00:00Z, false, 2026-03-01T00:00:00Z, false",
            "2026-01-01T00:00:00Z, 2026-03-01T00:00:00Z, false, 2026-06-15T12:00:00Z, false",
            "2026-01-01T00:00:00Z, , false, 2025-12-31T00:00:00Z, false",
            "2026-01-01T00:00:00Z, , true, 2025-12-31T00:00:00Z, true"})
    void revocationEndsCoverageOnlyForLaterContributions(String signed, String revoked, boolean prior, String at,
            boolean covered) {
        var c = CoverageRules
                .evaluate(facts(person("ada"), List.of(signature(ACCEPTED, prior, signed, revoked)), List.of(),
                        Set.of(), Instant.parse(at)));
        assertEquals(covered, c.covered());
    }

    @ParameterizedTest
    @CsvSource({
            "GITHUB_USER, ada, ada@home.example, true",
            "GITHUB_USER, bob, ada@home.example, false",
            "EMAIL, ada@acme.example, ada@acme.example, true",
            "EMAIL, ada@acme.example, other@acme.example, false",
            "DOMAIN, acme.example, ada@acme.example, true",
            "DOMAIN, acme.example, ada@sub.acme.example, false",
            "DOMAIN, acme.example, ada@notacme.example, false",
            "GITHUB_ORG, acme, ada@home.example, true",
            "GITHUB_ORG, other-org, ada@home.example, false"})
    void eachApprovalCriterionMatchesOnlyItsOwnKind(Approval.Kind kind, String value, String email, boolean covered) {
        var c = CoverageRules.evaluate(facts(person("ada", email), List.of(),
                List.of(approval(kind, value, "2026-01-01", null)), Set.of("acme"), NOW));
        assertEquals(covered, c.covered(), c.reason());
        if (covered) {
            assertEquals(By.CORPORATE, c.by());
            assertEquals(kind, c.approval().kind());
        }
    }

    @ParameterizedTest
    @CsvSource({"2026-06-15, , true", "2026-06-16, , false", "2026-01-01, 2026-06-15, true",
            "2026-01-01, 2026-06-14, false"})
    void approvalsCoverOnlyWithinTheirDates(String from, String until, boolean covered) {
        var c = CoverageRules.evaluate(facts(person("ada", "ada@acme.example"), List.of(),
                List.of(approval(Approval.Kind.DOMAIN, "acme.example", from, until)), Set.of(), NOW));
        assertEquals(covered, c.covered());
    }

    @Test
    void aRevokedCorporateAgreementCoversNobodyAfterwards() {
        ApprovalFact a = approval(Approval.Kind.DOMAIN, "acme.example", "2026-01-01", null);
        ApprovalFact revoked = new ApprovalFact(a.corporateId(), a.company(), a.versionId(), a.agreement(), a.version(),
                a.kind(),
                a.value(), a.validFrom(), a.validUntil(), Instant.parse("2026-05-01T00:00:00Z"));
        assertFalse(CoverageRules
                .evaluate(facts(person("ada", "ada@acme.example"), List.of(), List.of(revoked), Set.of(), NOW))
                .covered());
    }

    @Test
    void anUnknownEmailIsNotCoveredAndTheReasonSaysWhy() {
        var c = CoverageRules.evaluate(
                facts(new Subject(null, null, List.of("who@nowhere.example")), List.of(), List.of(), Set.of(), NOW));
        assertFalse(c.covered());
        assertTrue(c.reason().contains("no GitHub account"), c.reason());
    }
}
