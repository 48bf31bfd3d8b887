package dev.covenant.relicensing.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.covenant.agreement.OutboundPolicy;
import dev.covenant.agreement.OutboundTerms;
import dev.covenant.agreement.SpdxExpression;
import dev.covenant.coverage.Grant;
import dev.covenant.identity.Identity;
import dev.covenant.project.LicenseHistory;
import dev.covenant.project.ProjectMode;
import dev.covenant.relicensing.report.ReportModel.ContributorFacts;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.Segment;
import dev.covenant.signing.Approval;

/** Every status, the covers-prior and revocation rules, company validity dates, and the license-history rule. */
class RelicensingDecisionTest {

    /** GPL-2.0-or-later from 2010, Apache-2.0 from 2015; nothing known before 2010. */
    static final LicenseHistory LICENSES = new LicenseHistory(List.of(
            new LicenseHistory.Entry(LocalDate.parse("2010-01-01"), "GPL-2.0-or-later"),
            new LicenseHistory.Entry(LocalDate.parse("2015-01-01"), "Apache-2.0")));

    static final Identity KNOWN = new Identity("ada@example.org", 1L, "ada", Identity.Source.VERIFIED_EMAIL,
            List.of("ada@example.org"));
    static final Identity RAW = new Identity("zoe@acme.example", null, null, Identity.Source.RAW,
            List.of("zoe@acme.example"));

    static Instant at(String date) {
        return Instant.parse(date + "T12:00:00Z");
    }

    static Grant signed(OutboundPolicy policy, boolean coversPrior, String signedOn, String revokedOn,
            String... listed) {
        return Grant.individual("sig", 1, "individual", "1.0.0", new OutboundTerms(policy, List.of(listed)),
                coversPrior,
                at(signedOn), revokedOn == null ? null : at(revokedOn));
    }

    static Grant company(OutboundPolicy policy, String from, String until) {
        return Grant.corporate("corp", 2, "Acme", "corporate", "1.0.0", OutboundTerms.of(policy), null,
                new Grant.Criterion(Approval.Kind.DOMAIN, "acme.example", LocalDate.parse(from),
                        until == null ? null : LocalDate.parse(until)));
    }

    static ContributorReport judge(Identity who, List<Grant> grants, String target, String... contributedOn) {
        List<Segment> segments = Stream.of(contributedOn).map(d -> new Segment(who.email(), d.hashCode(), 2, 1, 10, 5,
                at(d), at(d))).toList();
        return RelicensingDecision.decide(SpdxExpression.parse(target), LICENSES,
                List.of(new ContributorFacts(who, List.of(who.email()), grants, segments))).contributors().get(0);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("nobody signed, a known account", KNOWN, List.of(), "MIT", "2016-06-01", "NO_AGREEMENT"),
                Arguments.of("nobody signed, a raw address", RAW, List.of(), "MIT", "2016-06-01", "UNKNOWN_IDENTITY"),
                Arguments.of("OSI policy, OSI target", KNOWN, List.of(signed(OutboundPolicy.SAME_OR_OSI, false,
                        "2016-01-01", null)), "MIT", "2016-06-01", "GRANTED"),
                Arguments.of("contributed before signing a version that does not cover it", KNOWN, List.of(signed(
                        OutboundPolicy.SAME_OR_OSI, false, "2016-01-01", null)), "MIT", "2014-06-01", "NO_AGREEMENT"),
                Arguments.of("contributed before signing a version that covers prior work", KNOWN, List.of(signed(
                        OutboundPolicy.SAME_OR_OSI, true, "2016-01-01", null)), "MIT", "2014-06-01", "GRANTED"),
                Arguments.of("contributed after revoking", KNOWN, List.of(signed(OutboundPolicy.ANY, true,
                        "2016-01-01", "2017-01-01")), "MIT", "2018-06-01", "NO_AGREEMENT"),
                Arguments.of("contributed before revoking", KNOWN, List.of(signed(OutboundPolicy.ANY, true,
                        "2016-01-01", "2017-01-01")), "MIT", "2016-06-01", "GRANTED"),
                Arguments.of("a DCO-like policy refuses any change", KNOWN, List.of(signed(OutboundPolicy.NONE, true,
                        "2016-01-01", null)), "MIT", "2016-06-01", "FORBIDDEN_BY_AGREEMENT"),
                Arguments.of("SAME: GPL while the project was GPL needs no grant", KNOWN, List.of(signed(
                        OutboundPolicy.SAME, true, "2016-01-01", null)), "GPL-2.0-or-later", "2012-06-01",
                        "LICENSE_ALLOWS"),
                Arguments.of("nobody signed, or-later allows the later version", RAW, List.of(), "GPL-3.0-or-later",
                        "2012-06-01", "LICENSE_ALLOWS"),
                Arguments.of("nobody signed, Apache-2.0 while the project was Apache-2.0", KNOWN, List.of(),
                        "Apache-2.0", "2016-06-01", "LICENSE_ALLOWS"),
                Arguments.of("nobody signed, GPL-3.0 after the project moved to Apache", KNOWN, List.of(),
                        "GPL-3.0-or-later", "2016-06-01", "NO_AGREEMENT"),
                Arguments.of("SAME: GPL after the project moved to Apache", KNOWN, List.of(signed(OutboundPolicy.SAME,
                        true, "2016-01-01", null)), "GPL-2.0-or-later", "2016-06-01", "FORBIDDEN_BY_AGREEMENT"),
                Arguments.of("SAME before any recorded license", KNOWN, List.of(signed(OutboundPolicy.SAME, true,
                        "2016-01-01", null)), "MIT", "2005-06-01", "FORBIDDEN_BY_AGREEMENT"),
                Arguments.of("listed license", KNOWN, List.of(signed(OutboundPolicy.LISTED_ONLY, true, "2016-01-01",
                        null, "MPL-2.0")), "MPL-2.0", "2016-06-01", "GRANTED"),
                Arguments.of("a company covers a raw address on a valid day", RAW, List.of(company(OutboundPolicy.ANY,
                        "2013-01-01", "2013-12-31")), "MIT", "2013-06-01", "GRANTED"),
                Arguments.of("a company's approval ended: known, not UNKNOWN_IDENTITY", RAW,
                        List.of(company(OutboundPolicy.ANY, "2013-01-01",
                                "2013-12-31")),
                        "MIT", "2014-06-01", "NO_AGREEMENT"),
                Arguments.of("a company's policy refuses", RAW, List.of(company(OutboundPolicy.SAME, "2013-01-01",
                        null)), "MIT", "2016-06-01", "FORBIDDEN_BY_AGREEMENT"),
                Arguments.of("one refusing grant, one allowing: granted", KNOWN, List.of(signed(OutboundPolicy.NONE,
                        true, "2016-01-01", null), company(OutboundPolicy.ANY, "2010-01-01", null)), "MIT",
                        "2016-06-01", "GRANTED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String what, Identity who, List<Grant> grants, String target, String on, String expected) {
        ContributorReport report = judge(who, grants, target, on);
        assertEquals(RelicensingStatus.valueOf(expected), report.status(), report.reason());
        boolean granted = RelicensingStatus.valueOf(expected).cleared();
        assertEquals(granted ? 2 : 0, report.commitsCleared());
        assertEquals(granted ? 10 : 0, report.linesCleared());
        boolean byGrant = expected.equals("GRANTED") || expected.equals("FORBIDDEN_BY_AGREEMENT");
        assertEquals(byGrant, report.grant() != null, "a row cleared or forbidden by a grant names it");
    }

    @Test
    void keepingTheSubmissionLicenseOnOfferIsADutyUnderAnyKeepingSame() {
        ContributorReport report = judge(KNOWN, List.of(signed(OutboundPolicy.ANY_KEEPING_SAME, true, "2016-01-01",
                null)), "LicenseRef-Commercial OR Apache-2.0 OR GPL-2.0-or-later", "2012-06-01", "2016-06-01");
        assertEquals(RelicensingStatus.GRANTED, report.status());
        assertEquals(List.of("GPL-2.0-or-later", "Apache-2.0"), report.mustKeepOffering());
        assertEquals(2, report.periods().size(), "one period per license of the project");
    }

    @Test
    void aContributorIsGrantedOnlyWhenEveryContributionIs() {
        ContributorReport report = judge(KNOWN, List.of(signed(OutboundPolicy.SAME_OR_OSI, false, "2016-01-01", null)),
                "MIT", "2014-06-01", "2016-06-01", "2016-07-01");
        assertEquals(RelicensingStatus.NO_AGREEMENT, report.status());
        assertEquals(6, report.commits());
        assertEquals(3, report.authoredCommits());
        assertEquals(4, report.commitsCleared());
        assertEquals(20, report.linesCleared());
        assertEquals(at("2014-06-01"), report.firstContribution());
        assertEquals(at("2016-07-01"), report.lastContribution());
        assertEquals(List.of(RelicensingStatus.NO_AGREEMENT, RelicensingStatus.GRANTED),
                report.periods().stream().map(ReportModel.Period::status).toList());
        assertEquals("sig", report.grant().id());
    }

    /** Over every case above, the decision gives each of its own five statuses and none of a campaign's answers. */
    @Test
    void campaignAnswersAreReservedButNeverDecided() {
        @SuppressWarnings("unchecked")
        Set<RelicensingStatus> decided = cases().map(Arguments::get)
                .map(args -> judge((Identity) args[1], (List<Grant>) args[2], (String) args[3], (String) args[4])
                        .status())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RelicensingStatus.class)));
        assertEquals(EnumSet.of(RelicensingStatus.GRANTED, RelicensingStatus.LICENSE_ALLOWS,
                RelicensingStatus.FORBIDDEN_BY_AGREEMENT,
                RelicensingStatus.NO_AGREEMENT, RelicensingStatus.UNKNOWN_IDENTITY), decided);
    }

    static Stream<Arguments> signOffProjects() {
        return Stream.of(
                Arguments.of("DCO: a known account without an agreement", ProjectMode.DCO, KNOWN, List.of(),
                        "2016-06-01", "DCO_ONLY"),
                Arguments.of("DCO: an address nobody verified", ProjectMode.DCO, RAW, List.of(), "2016-06-01",
                        "DCO_ONLY"),
                Arguments.of("CLA_OR_DCO: no agreement", ProjectMode.CLA_OR_DCO, KNOWN, List.of(), "2016-06-01",
                        "DCO_ONLY"),
                Arguments.of("CLA_OR_DCO: a signature still grants", ProjectMode.CLA_OR_DCO, KNOWN,
                        List.of(signed(OutboundPolicy.ANY, true, "2016-01-01", null)), "2016-06-01", "GRANTED"),
                Arguments.of("CLA_OR_DCO: a signature still forbids", ProjectMode.CLA_OR_DCO, KNOWN,
                        List.of(signed(OutboundPolicy.NONE, true, "2016-01-01", null)), "2016-06-01",
                        "FORBIDDEN_BY_AGREEMENT"),
                Arguments.of("CLA: no agreement is what it was", ProjectMode.CLA, KNOWN, List.of(), "2016-06-01",
                        "NO_AGREEMENT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signOffProjects")
    void aContributionCoveredOnlyByADcoIsGivenUnderTheLicenseOfTheDay(String what, ProjectMode mode, Identity who,
            List<Grant> grants, String on, String expected) {
        Segment segment = new Segment(who.email(), 1, 2, 1, 10, 5, at(on), at(on));
        ContributorReport report = RelicensingDecision.decide(SpdxExpression.parse("MIT"), LICENSES,
                List.of(new ContributorFacts(who, List.of(who.email()), grants, List.of(segment))), null, mode)
                .contributors().get(0);
        assertEquals(RelicensingStatus.valueOf(expected), report.status(), report.reason());
        if (expected.equals("DCO_ONLY")) {
            assertEquals(false, report.status().cleared(), "a DCO grants no relicensing");
            assertEquals("covered only by a DCO sign-off (the project's mode is " + mode + "): given under the"
                    + " project's license at the time, Apache-2.0, with no relicensing grant", report.reason());
        }
    }

    @Test
    void aDcoProjectWhoseLicenseAlreadyAllowsTheTargetNeedsNothing() {
        Segment segment = new Segment(KNOWN.email(), 1, 2, 1, 10, 5, at("2016-06-01"), at("2016-06-01"));
        ContributorReport report = RelicensingDecision.decide(SpdxExpression.parse("Apache-2.0"), LICENSES,
                List.of(new ContributorFacts(KNOWN, List.of(KNOWN.email()), List.of(), List.of(segment))), null,
                ProjectMode.DCO).contributors().get(0);
        assertEquals(RelicensingStatus.LICENSE_ALLOWS, report.status(), report.reason());
    }
}
