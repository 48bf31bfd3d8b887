package dev.covenant.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongPredicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.covenant.agreement.OutboundPolicy;
import dev.covenant.agreement.OutboundTerms;
import dev.covenant.project.Allowlist;
import dev.covenant.signing.Approval;

/** The one coverage rule, as the check asks it (now) and the report asks it (each contribution's moment). */
class CoverageRulesTest {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    static final long ACCEPTED = 10;
    static final long OLD_MAJOR = 5;
    static final LongPredicate ONLY_ACCEPTED = v -> v == ACCEPTED;
    static final Allowlist BOTS = new Allowlist(Allowlist.DEFAULT);

    static CoverageSubject person(String login, String... emails) {
        return new CoverageSubject(42L, login, List.of(emails));
    }

    static Grant signature(long versionId, boolean coversPrior, String signedAt, String revokedAt) {
        return Grant.individual(UUID.randomUUID().toString(), versionId, "individual", "1.0.0",
                OutboundTerms.of(OutboundPolicy.ANY), coversPrior, Instant.parse(signedAt),
                revokedAt == null ? null : Instant.parse(revokedAt));
    }

    static Grant approval(Approval.Kind kind, String value, String from, String until) {
        return approval(kind, value, from, until, null);
    }

    static Grant approval(Approval.Kind kind, String value, String from, String until, String companyRevokedAt) {
        return Grant.corporate(UUID.randomUUID().toString(), ACCEPTED, "Acme", "corporate", "1.0.0",
                OutboundTerms.of(OutboundPolicy.ANY),
                companyRevokedAt == null ? null : Instant.parse(companyRevokedAt),
                new Grant.Criterion(kind, value, LocalDate.parse(from), until == null ? null : LocalDate.parse(until)));
    }

    /** What the check does: the subject's own grants, then the rule at the moment. */
    static Coverage evaluate(CoverageSubject subject, List<Grant> candidates, Set<String> orgs, Instant at) {
        return CoverageRules.evaluate(BOTS, ONLY_ACCEPTED, subject, CoverageRules.matching(subject, candidates, orgs),
                at);
    }

    @Test
    void botsPassByTheAllowlist() {
        var c = evaluate(new CoverageSubject(null, "dependabot[bot]", List.of()), List.of(), Set.of(), NOW);
        assertEquals(Coverage.By.ALLOWLIST, c.by());
        assertEquals("*[bot]", c.allowlistPattern());
        assertNull(c.grant());
    }

    @ParameterizedTest(name = "signed at {0}, revoked at {1}: must sign the new version {2}")
    @CsvSource(nullValues = "-", textBlock = """
            2026-01-01T00:00:00Z, -,                    1.0.0
            2026-01-01T00:00:00Z, 2026-02-01T00:00:00Z, -
            2026-07-01T00:00:00Z, -,                    -
            """)
    void aSignatureOfAVersionNoLongerAcceptedIsHeldSoThePersonIsAskedForTheNewOne(String signedAt, String revokedAt,
            String held) {
        var c = evaluate(person("ada"), List.of(signature(OLD_MAJOR, false, signedAt, revokedAt)), Set.of(), NOW);
        assertFalse(c.covered());
        assertEquals(held, c.heldVersion());
        assertEquals(held != null, c.mustSignNewVersion());
    }

    @Test
    void anAcceptedSignatureLeavesNothingToSignAgain() {
        var c = evaluate(person("ada"), List.of(signature(OLD_MAJOR, false, "2025-01-01T00:00:00Z", null),
                signature(ACCEPTED, false, "2026-01-01T00:00:00Z", null)), Set.of(), NOW);
        assertTrue(c.covered());
        assertNull(c.heldVersion());
    }

    @Test
    void anActiveSignatureOfAnAcceptedVersionCovers() {
        Grant signed = signature(ACCEPTED, false, "2026-01-01T00:00:00Z", null);
        var c = evaluate(person("ada"), List.of(signed), Set.of(), NOW);
        assertEquals(Coverage.By.INDIVIDUAL, c.by());
        assertEquals(signed, c.grant());
        assertEquals("signed individual 1.0.0 on 2026-01-01T00:00:00Z", c.reason());
    }

    @Test
    void theNewestSignatureIsTheOneNamed() {
        Grant older = signature(ACCEPTED, false, "2026-01-01T00:00:00Z", null);
        Grant newer = signature(ACCEPTED, false, "2026-03-01T00:00:00Z", null);
        assertEquals(newer, evaluate(person("ada"), List.of(older, newer), Set.of(), NOW).grant());
    }

    @Test
    void aSignatureOfAVersionNoLongerAcceptedDoesNotCover() {
        var c = evaluate(person("ada"), List.of(signature(OLD_MAJOR, false, "2026-01-01T00:00:00Z", null)), Set.of(),
                NOW);
        assertFalse(c.covered());
        assertTrue(c.reason().contains("no longer accepts"), c.reason());
    }

    @Test
    void theReportCountsEveryVersion() {
        Grant old = signature(OLD_MAJOR, false, "2026-01-01T00:00:00Z", null);
        var c = CoverageRules.evaluate(BOTS, CoverageRules.ANY_VERSION, person("ada"), List.of(old), NOW);
        assertEquals(Coverage.By.INDIVIDUAL, c.by());
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
        Grant signature = signature(ACCEPTED, prior, signed, revoked);
        assertEquals(covered, evaluate(person("ada"), List.of(signature), Set.of(), Instant.parse(at)).covered());
        assertEquals(covered ? List.of(signature) : List.of(),
                CoverageRules.covering(List.of(signature), Instant.parse(at)));
    }

    @ParameterizedTest
    @CsvSource({
            "GITHUB_USER, ada, ada@home.example, true",
            "GITHUB_USER, ADA, ada@home.example, true",
            "GITHUB_USER, bob, ada@home.example, false",
            "EMAIL, ada@acme.example, ada@acme.example, true",
            "EMAIL, ada@acme.example, other@acme.example, false",
            "DOMAIN, acme.example, ada@acme.example, true",
            "DOMAIN, acme.example, ada@sub.acme.example, false",
            "DOMAIN, acme.example, ada@notacme.example, false",
            "GITHUB_ORG, acme, ada@home.example, true",
            "GITHUB_ORG, other-org, ada@home.example, false"})
    void eachApprovalCriterionMatchesOnlyItsOwnKind(Approval.Kind kind, String value, String email, boolean covered) {
        Grant line = approval(kind, value, "2026-01-01", null);
        CoverageSubject ada = person("ada", email);
        assertEquals(covered ? List.of(line) : List.of(), CoverageRules.matching(ada, List.of(line), Set.of("acme")));
        var c = evaluate(ada, List.of(line), Set.of("acme"), NOW);
        assertEquals(covered, c.covered(), c.reason());
        assertEquals(covered ? Coverage.By.CORPORATE : Coverage.By.NONE, c.by());
    }

    @ParameterizedTest
    @CsvSource({"2026-06-15, , true", "2026-06-16, , false", "2026-01-01, 2026-06-15, true",
            "2026-01-01, 2026-06-14, false"})
    void approvalsCoverOnlyWithinTheirDates(String from, String until, boolean covered) {
        var c = evaluate(person("ada", "ada@acme.example"),
                List.of(approval(Approval.Kind.DOMAIN, "acme.example", from, until)), Set.of(), NOW);
        assertEquals(covered, c.covered(), c.reason());
        if (!covered) {
            assertTrue(c.reason().contains("not on the day of this contribution"), c.reason());
        }
    }

    @Test
    void aRevokedCorporateAgreementCoversNobodyAfterwards() {
        Grant revoked = approval(Approval.Kind.DOMAIN, "acme.example", "2026-01-01", null, "2026-05-01T00:00:00Z");
        var c = evaluate(person("ada", "ada@acme.example"), List.of(revoked), Set.of(), NOW);
        assertFalse(c.covered());
        assertEquals("Acme's corporate agreement was revoked on 2026-05-01T00:00:00Z", c.reason());
        assertTrue(evaluate(person("ada", "ada@acme.example"), List.of(revoked), Set.of(),
                Instant.parse("2026-04-30T00:00:00Z")).covered());
    }

    @Test
    void signaturesComeBeforeCompanyApprovals() {
        Grant line = approval(Approval.Kind.DOMAIN, "acme.example", "2020-01-01", null);
        Grant signed = signature(ACCEPTED, false, "2026-01-01T00:00:00Z", null);
        assertEquals(List.of(signed, line),
                CoverageRules.matching(person("ada", "ada@acme.example"), List.of(line, signed), Set.of()));
        assertEquals(Coverage.By.INDIVIDUAL,
                evaluate(person("ada", "ada@acme.example"), List.of(line, signed), Set.of(), NOW).by());
    }

    @Test
    void anUnknownEmailIsNotCoveredAndTheReasonSaysWhy() {
        var c = evaluate(new CoverageSubject(null, null, List.of("who@nowhere.example")), List.of(), Set.of(), NOW);
        assertFalse(c.covered());
        assertEquals("no GitHub account has verified who@nowhere.example, and no company approves it", c.reason());
    }

    @Test
    void aRevokedSignatureSaysWhen() {
        var c = evaluate(person("ada"), List.of(signature(ACCEPTED, false, "2026-01-01T00:00:00Z",
                "2026-03-01T00:00:00Z")), Set.of(), NOW);
        assertEquals("their signature of individual 1.0.0 was revoked on 2026-03-01T00:00:00Z, before this"
                + " contribution", c.reason());
    }
}
