package dev.covenant.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OutboundTermsTest {

    private static OutboundTerms terms(OutboundPolicy policy, String... listed) {
        return new OutboundTerms(policy, List.of(listed));
    }

    @ParameterizedTest(name = "{0}: {1} under {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SAME_OR_OSI          | Apache-2.0           | MIT | Apache-2.0 is OSI-approved, which SAME_OR_OSI allows.
            SAME_OR_OSI          | CC0-1.0              | MIT | CC0-1.0 is not OSI-approved, and it is not the license on the submission date (MIT), so SAME_OR_OSI does not allow it.
            SAME_OR_OSI          | MIT OR CC0-1.0       | MIT | In MIT OR CC0-1.0, CC0-1.0 is not OSI-approved, and it is not the license on the submission date (MIT), so SAME_OR_OSI does not allow it. Every license the project would apply or offer must be allowed.
            SAME_OR_OSI          | Apache-2.0 OR MIT    | MIT | SAME_OR_OSI allows every license in Apache-2.0 OR MIT: Apache-2.0 is OSI-approved; MIT is the license on the submission date.
            FSF_AND_OSI          | Artistic-1.0         | MIT | Artistic-1.0 is OSI-approved but not FSF-libre, and it is not the license on the submission date (MIT), so FSF_AND_OSI does not allow it.
            FSF_AND_OSI          | WTFPL                | MIT | WTFPL is FSF-libre but not OSI-approved, and it is not the license on the submission date (MIT), so FSF_AND_OSI does not allow it.
            FSF_AND_OSI          | SSPL-1.0             | MIT | SSPL-1.0 is neither FSF-libre nor OSI-approved, and it is not the license on the submission date (MIT), so FSF_AND_OSI does not allow it.
            FSF_AND_OSI          | GPL-2.0-only WITH Classpath-exception-2.0 | MIT | GPL-2.0-only is both FSF-libre and OSI-approved (GPL-2.0-only WITH Classpath-exception-2.0 is judged as GPL-2.0-only: the exception only adds permissions), which FSF_AND_OSI allows.
            SAME_OR_FSF_COPYLEFT | GPL-2.0-only         | MIT | GPL-2.0-only is not on the FSF's recommended copyleft list, and it is not the license on the submission date (MIT), so SAME_OR_FSF_COPYLEFT does not allow it.
            SAME_OR_FSF_COPYLEFT | AGPL-3.0-or-later    | MIT | AGPL-3.0-or-later is on the FSF's recommended copyleft list, which SAME_OR_FSF_COPYLEFT allows.
            SAME_OR_FSF_COPYLEFT | LicenseRef-Acme      | MIT | LicenseRef-Acme is a user-defined license, not on the SPDX License List, so nothing is known about its approval, and it is not the license on the submission date (MIT), so SAME_OR_FSF_COPYLEFT does not allow it.
            NONE                 | Apache-2.0           | MIT | Apache-2.0 is not the license on the submission date (MIT); under NONE contributions stay under the license they were made under.
            SAME                 | Apache-2.0           | MIT | Apache-2.0 is not the license on the submission date (MIT), so SAME does not allow it.
            SAME                 | Apache-2.0 OR MIT    | MIT OR Apache-2.0 | Apache-2.0 OR MIT is the same licensing as MIT OR Apache-2.0, the license on the submission date, so keeping it is not a relicensing; every policy allows that.
            ANY                  | LicenseRef-Secret    | MIT | ANY allows every license, so LicenseRef-Secret is allowed.
            ANY_KEEPING_SAME     | LicenseRef-Secret OR MIT | MIT | LicenseRef-Secret OR MIT still offers MIT, the license on the submission date, as an alternative, which ANY_KEEPING_SAME requires.
            ANY_KEEPING_SAME     | LicenseRef-Secret AND MIT | MIT | LicenseRef-Secret AND MIT does not offer MIT, the license on the submission date, as an alternative: it is only combined with other licenses by AND, which adds their conditions; ANY_KEEPING_SAME requires it to stay available.
            ANY_KEEPING_SAME     | LicenseRef-Secret    | MIT | LicenseRef-Secret does not offer MIT, the license on the submission date, as an alternative; ANY_KEEPING_SAME requires it to stay available.
            ANY_KEEPING_SAME     | MIT OR GPL-3.0-only  | MIT OR Apache-2.0 | MIT OR GPL-3.0-only does not offer Apache-2.0 (of MIT OR Apache-2.0, the license on the submission date) as an alternative; ANY_KEEPING_SAME requires it to stay available.
            """)
    void explainsEachVerdictNamingTheDecidingLicense(OutboundPolicy policy, String target, String submission,
            String reason) {
        assertEquals(reason, OutboundTerms.of(policy).allows(target, submission).reason());
    }

    @Test
    void namesTheListWhenAListedPolicyRefuses() {
        Verdict verdict = terms(OutboundPolicy.LISTED_ONLY, "Apache-2.0", "MPL-2.0", "EPL-2.0")
                .allows("MIT OR Apache-2.0", "ISC");
        assertFalse(verdict.allowed());
        assertEquals("In MIT OR Apache-2.0, MIT is not one of the listed licenses (Apache-2.0, MPL-2.0 or EPL-2.0), so"
                + " LISTED_ONLY does not allow it; besides the listed licenses it only allows keeping the license on the"
                + " submission date unchanged. Every license the project would apply or offer must be allowed.",
                verdict.reason());
    }

    @ParameterizedTest(name = "{0}: allowed {1}")
    @CsvSource({
            "NONE, false", "SAME, false", "SAME_PLUS_LISTED, false", "LISTED_ONLY, false", "SAME_OR_OSI, true",
            "SAME_OR_FSF_COPYLEFT, false", "FSF_AND_OSI, true", "ANY_KEEPING_SAME, false", "ANY, true",
    })
    void judgesWithoutSamenessWhenTheSubmissionLicenseIsUnknown(OutboundPolicy policy, boolean allowed) {
        OutboundTerms terms = new OutboundTerms(policy, policy.needsList() ? List.of("GPL-3.0-only") : List.of());
        for (String unknown : Arrays.asList(null, "", "  ")) {
            Verdict verdict = terms.allows("Apache-2.0", unknown);
            assertEquals(allowed, verdict.allowed(), verdict::reason);
            if (!allowed && policy != OutboundPolicy.LISTED_ONLY) {
                assertTrue(verdict.reason().contains("unknown"), verdict::reason);
            }
        }
    }

    @Test
    void sayWhySamenessCannotHoldWhenTheSubmissionLicenseIsUnknown() {
        assertEquals("Apache-2.0 cannot count as the license on the submission date, because that license is unknown,"
                + " so SAME does not allow it.",
                OutboundTerms.of(OutboundPolicy.SAME).allows("Apache-2.0", null).reason());
        assertEquals("ANY_KEEPING_SAME requires the license on the submission date to stay available as an alternative,"
                + " but that license is unknown, so Apache-2.0 OR MIT cannot be shown to offer it.",
                OutboundTerms.of(OutboundPolicy.ANY_KEEPING_SAME).allows("Apache-2.0 OR MIT", null).reason());
    }

    @ParameterizedTest(name = "{0}: {1} after {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            SAME             | GPL-2.0-or-later                  | GPL-2.0+                   | true
            SAME             | GPL-3.0-only                      | GPL-3.0                    | true
            NONE             | LGPL-2.1-or-later                 | lgpl-2.1+                  | true
            SAME             | GPL-2.0-only                      | GPL-2.0-or-later           | false
            SAME             | GPL-2.0-or-later                  | GPL-2.0-only               | false
            SAME             | MIT                               | MIT OR Apache-2.0          | true
            SAME             | Apache-2.0                        | MIT OR Apache-2.0          | true
            SAME             | MIT AND Apache-2.0                | MIT OR Apache-2.0          | true
            SAME             | MIT                               | MIT AND Apache-2.0         | false
            SAME             | ISC                               | MIT OR Apache-2.0          | false
            SAME             | GPL-2.0-only                      | GPL-2.0-only WITH Classpath-exception-2.0 | false
            ANY_KEEPING_SAME | MIT OR Apache-2.0 OR LicenseRef-x | Apache-2.0 OR MIT          | true
            ANY_KEEPING_SAME | MIT OR LicenseRef-x               | MIT OR Apache-2.0          | false
            ANY_KEEPING_SAME | (MIT AND ISC) OR LicenseRef-x     | ISC AND MIT                | true
            ANY_KEEPING_SAME | GPL-2.0-or-later OR LicenseRef-x  | GPL-2.0+                   | true
            ANY_KEEPING_SAME | GPL-2.0-only OR LicenseRef-x      | GPL-2.0-or-later           | false
            SAME_OR_OSI      | MIT OR LicenseRef-x               | MIT OR LicenseRef-x        | true
            SAME_OR_OSI      | LicenseRef-x                      | LicenseRef-x OR MIT        | true
            SAME_OR_OSI      | LicenseRef-y                      | LicenseRef-x OR MIT        | false
            """)
    void decidesSamenessBySpdxMeaningNotSpelling(OutboundPolicy policy, String target, String submission,
            boolean allowed) {
        Verdict verdict = OutboundTerms.of(policy).allows(target, submission);
        assertEquals(allowed, verdict.allowed(), verdict::reason);
    }

    @ParameterizedTest(name = "listing {0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GPL-2.0-only                              | GPL-2.0-only WITH Classpath-exception-2.0 | false
            GPL-2.0-only WITH Classpath-exception-2.0 | GPL-2.0-only WITH Classpath-exception-2.0 | true
            GPL-2.0-only WITH Classpath-exception-2.0 | GPL-2.0-only                              | false
            GPL-2.0+                                  | GPL-2.0-or-later                          | true
            GPL-2.0-only                              | GPL-2.0-or-later                          | false
            licenseref-acme                           | LicenseRef-acme                           | true
            LicenseRef-acme                           | LicenseRef-acme-2                         | false
            """)
    void matchesListedLicensesExactlyIncludingExceptions(String listed, String target, boolean allowed) {
        Verdict verdict = terms(OutboundPolicy.LISTED_ONLY, listed).allows(target, "ISC");
        assertEquals(allowed, verdict.allowed(), verdict::reason);
    }

    @Test
    void storesListedIdsCanonicallyWithoutRepeats() {
        OutboundTerms terms = new OutboundTerms(OutboundPolicy.SAME_PLUS_LISTED,
                List.of("apache-2.0", "Apache-2.0", "gpl-2.0-only with classpath-exception-2.0", "licenseref-x"));
        assertEquals(List.of("Apache-2.0", "GPL-2.0-only WITH Classpath-exception-2.0", "LicenseRef-x"),
                terms.listed());
        assertEquals(terms,
                terms(OutboundPolicy.SAME_PLUS_LISTED, "Apache-2.0", "GPL-2.0-only WITH Classpath-exception-2.0",
                        "LicenseRef-x"));
    }

    @Test
    void refusesListsThatDoNotFitThePolicy() {
        assertThrows(IllegalArgumentException.class, () -> OutboundTerms.of(OutboundPolicy.LISTED_ONLY));
        assertThrows(IllegalArgumentException.class, () -> new OutboundTerms(OutboundPolicy.SAME_PLUS_LISTED, null));
        assertThrows(IllegalArgumentException.class, () -> terms(OutboundPolicy.SAME_OR_OSI, "MIT"));
        assertThrows(IllegalArgumentException.class, () -> terms(OutboundPolicy.LISTED_ONLY, "MIT OR ISC"));
        SpdxParseException typo = assertThrows(SpdxParseException.class,
                () -> terms(OutboundPolicy.LISTED_ONLY, "Apache-2"));
        assertEquals("Apache-2.0", typo.suggestions().get(0));
        assertThrows(NullPointerException.class, () -> new OutboundTerms(null, List.of()));
    }

    @Test
    void rejectsInvalidExpressionsInsteadOfJudgingThem() {
        OutboundTerms any = OutboundTerms.of(OutboundPolicy.ANY);
        SpdxParseException target = assertThrows(SpdxParseException.class, () -> any.allows("GPL2", "MIT"));
        assertEquals("GPL2", target.token());
        SpdxParseException submission = assertThrows(SpdxParseException.class, () -> any.allows("MIT", "MIT AND"));
        assertEquals(7, submission.position());
        assertThrows(SpdxParseException.class, () -> any.allows("", "MIT"));
    }

    @Test
    void acceptsParsedExpressionsAndANullListOnThePolicy() {
        Verdict verdict = OutboundPolicy.SAME_OR_OSI.allows(SpdxExpression.parse("ISC"), null, null);
        assertTrue(verdict.allowed(), verdict.reason());
        assertFalse(OutboundPolicy.LISTED_ONLY.allows(SpdxExpression.parse("ISC"), SpdxExpression.parse("MIT"), null)
                .allowed());
    }

    @ParameterizedTest
    @EnumSource(OutboundPolicy.class)
    void needsAListOnlyForTheListBasedPolicies(OutboundPolicy policy) {
        boolean listBased = policy == OutboundPolicy.SAME_PLUS_LISTED || policy == OutboundPolicy.LISTED_ONLY;
        assertEquals(listBased, policy.needsList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            NONE                 | Your contributions stay under the license the project had when you contributed; the project gets no right to relicense them.
            SAME                 | The project may distribute your contributions only under the license it had when you contributed.
            SAME_OR_OSI          | The project may relicense your contributions under any OSI-approved license, or keep the license it had when you contributed.
            SAME_OR_FSF_COPYLEFT | The project may relicense your contributions under a copyleft license the Free Software Foundation recommends (the GNU GPL, AGPL or LGPL version 3, or GPL 2 / LGPL 2.1 "or later"), or keep the license it had when you contributed.
            FSF_AND_OSI          | The project may relicense your contributions under any license that is both approved by the Open Source Initiative and free according to the Free Software Foundation, or keep the license it had when you contributed.
            ANY_KEEPING_SAME     | The project may license your contributions under any terms, including proprietary ones, as long as it also keeps offering them under the license it had when you contributed.
            ANY                  | The project may license your contributions under any terms it chooses, including proprietary ones.
            """)
    void describesListlessPoliciesInPlainWords(OutboundPolicy policy, String sentence) {
        assertEquals(sentence, OutboundTerms.of(policy).plainWords());
    }

    @ParameterizedTest(name = "{0} listing {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SAME_PLUS_LISTED | Apache-2.0                  | The project may distribute your contributions under the license it had when you contributed, or relicense them under Apache-2.0.
            SAME_PLUS_LISTED | Apache-2.0, MPL-2.0         | The project may distribute your contributions under the license it had when you contributed, or relicense them under Apache-2.0 or MPL-2.0.
            LISTED_ONLY      | Apache-2.0, MPL-2.0, EPL-2.0 | The project may relicense your contributions only under Apache-2.0, MPL-2.0 or EPL-2.0; otherwise they keep the license the project had when you contributed.
            """)
    void describesListedPoliciesNamingTheListedLicenses(OutboundPolicy policy, String listed, String sentence) {
        assertEquals(sentence, new OutboundTerms(policy, List.of(listed.split(", "))).plainWords());
    }

    @Test
    void cannotDescribeAListedPolicyWithoutItsList() {
        assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.LISTED_ONLY.plainWords(List.of()));
        assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.SAME_PLUS_LISTED.plainWords(null));
    }
}
