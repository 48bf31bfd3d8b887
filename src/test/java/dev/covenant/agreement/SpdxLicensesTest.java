package dev.covenant.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpdxLicensesTest {

    private final SpdxLicenses licenses = SpdxLicenses.standard();

    @Test
    void bundlesTheWholeSpdxList3_28_0() {
        assertEquals("3.28.0", licenses.listVersion());
        assertEquals(727, licenses.licenses().size());
        assertEquals(84, licenses.exceptions().size());
    }

    @Test
    void loadsTheListOnlyOnce() {
        assertSame(SpdxLicenses.standard(), SpdxLicenses.standard());
    }

    @ParameterizedTest(name = "{0}: OSI {2}, FSF libre {3}, deprecated {4}")
    @CsvSource(delimiter = '|', textBlock = """
            MIT              | MIT License                                 | true  | true  | false
            Apache-2.0       | Apache License 2.0                          | true  | true  | false
            GPL-2.0-only     | GNU General Public License v2.0 only        | true  | true  | false
            GPL-3.0-or-later | GNU General Public License v3.0 or later    | true  | true  | false
            GPL-2.0          | GNU General Public License v2.0 only        | true  | true  | true
            GPL-2.0+         | GNU General Public License v2.0 or later    | true  | true  | true
            CC0-1.0          | Creative Commons Zero v1.0 Universal        | false | true  | false
            WTFPL            | Do What The F*ck You Want To Public License | false | true  | false
            Artistic-1.0     | Artistic License 1.0                        | true  | false | false
            0BSD             | BSD Zero Clause License                     | true  | false | false
            SSPL-1.0         | Server Side Public License, v 1             | false | false | false
            """)
    void knowsTheFactsOfWellKnownLicenses(String id, String name, boolean osi, boolean libre, boolean deprecated) {
        assertEquals(new LicenseFact(id, name, osi, libre, deprecated), licenses.find(id).orElseThrow());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "mit, MIT",
            "APACHE-2.0, Apache-2.0",
            "gpl-2.0-OR-LATER, GPL-2.0-or-later",
            "0bsd, 0BSD",
            "lgpl-2.1+, LGPL-2.1+",
    })
    void findsIdsIgnoringCaseAndAnswersInTheListsSpelling(String typed, String canonical) {
        assertEquals(canonical, licenses.find(typed).orElseThrow().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Apache-2", "GPLv3", "LicenseRef-MIT", "Classpath-exception-2.0", ""})
    void findsNothingForIdsNotOnTheList(String id) {
        assertEquals(Optional.empty(), licenses.find(id));
    }

    @Test
    void findsNothingForNull() {
        assertEquals(Optional.empty(), licenses.find(null));
        assertEquals(Optional.empty(), licenses.findException(null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "classpath-exception-2.0, Classpath-exception-2.0, Classpath exception 2.0, false",
            "LLVM-EXCEPTION, LLVM-exception, LLVM Exception, false",
            "nokia-qt-exception-1.1, Nokia-Qt-exception-1.1, Nokia Qt LGPL exception 1.1, true",
    })
    void findsExceptionsIgnoringCase(String typed, String id, String name, boolean deprecated) {
        assertEquals(new ExceptionFact(id, name, deprecated), licenses.findException(typed).orElseThrow());
    }

    @Test
    void keepsLicensesAndExceptionsApart() {
        assertEquals(Optional.empty(), licenses.findException("MIT"));
        assertEquals(Optional.empty(), licenses.find("LLVM-exception"));
    }

    @ParameterizedTest(name = "{0} suggests {1} first")
    @CsvSource(delimiter = '|', textBlock = """
            Apache-2          | Apache-2.0       | Apache-2.0, Apache-1.1, Apache-1.0
            apache2           | Apache-2.0       | Apache-2.0, mpich2
            Aparche-2.0       | Apache-2.0       | Apache-2.0, Apache-1.0, Apache-1.1
            GPL2              | GPL-2.0-only     | GPL-2.0-only, GPL-2.0-or-later, GPL-2.0-with-GCC-exception
            GPLv3             | GPL-3.0-only     | GPL-3.0-only, GPL-3.0-or-later, GPL-3.0-with-GCC-exception
            AGPL3             | AGPL-3.0-only    | AGPL-3.0-only, AGPL-3.0-or-later, NGPL
            LGPL2.1           | LGPL-2.1-only    | LGPL-2.1-only, LGPL-2.1-or-later, LGPL-2.0-only
            BSD3              | BSD-3-Clause     | BSD-3-Clause, BSD-3-Clause-HP, BSD-3-Clause-Tso
            mpl2              | MPL-2.0          | MPL-2.0, MPL-2.0-no-copyleft-exception, PPL
            MIT2              | MIT              | MIT, MIPS, MIT-0
            GPL-2.0-or-latter | GPL-2.0-or-later | GPL-2.0-or-later, GPL-3.0-or-later, GPL-1.0-or-later
            """)
    void suggestsTheClosestRealIdsForTypos(String typo, String first, String expectedTop3) {
        List<String> suggestions = licenses.closest(typo, 3);
        assertEquals(first, suggestions.get(0));
        assertEquals(List.of(expectedTop3.split(", ")), suggestions);
    }

    @Test
    void suggestsCurrentIdsInsteadOfDeprecatedOnes() {
        List<String> suggestions = licenses.closest("GPL-2", 5);
        assertTrue(suggestions.containsAll(List.of("GPL-2.0-only", "GPL-2.0-or-later")), suggestions::toString);
        assertFalse(suggestions.contains("GPL-2.0"), suggestions::toString);
        assertFalse(suggestions.contains("GPL-2.0+"), suggestions::toString);
    }

    @Test
    void suggestsNothingForTextFarFromEveryId() {
        assertEquals(List.of(), licenses.closest("this is not a license at all", 3));
        assertEquals(List.of(), licenses.closest("   ", 3));
        assertEquals(List.of(), licenses.closest("MIT", 0));
    }

    @ParameterizedTest(name = "{0} suggests {1}")
    @CsvSource({
            "Classpath-exception, Classpath-exception-2.0",
            "LLVM, LLVM-exception",
            "GCC-exception-3, GCC-exception-3.1",
    })
    void suggestsExceptionIdsForExceptionTypos(String typo, String first) {
        assertEquals(first, licenses.closestExceptions(typo, 3).get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GPL-3.0-only", "GPL-3.0-or-later", "AGPL-3.0-only", "AGPL-3.0-or-later", "LGPL-3.0-only",
            "LGPL-3.0-or-later", "GPL-2.0-or-later", "LGPL-2.1-or-later", "GPL-3.0", "GPL-3.0+", "AGPL-3.0", "LGPL-3.0",
            "LGPL-3.0+", "GPL-2.0+", "LGPL-2.1+", "gpl-3.0-only"})
    void recognisesTheFsfRecommendedCopyleftLicenses(String id) {
        assertTrue(licenses.isFsfRecommendedCopyleft(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GPL-2.0-only", "GPL-2.0", "LGPL-2.1-only", "LGPL-2.0-or-later", "MPL-2.0", "MIT",
            "Apache-2.0", "AGPL-1.0-or-later", "LicenseRef-GPL-3.0", "no-such-id"})
    void doesNotCountOtherLicensesAsFsfRecommendedCopyleft(String id) {
        assertFalse(licenses.isFsfRecommendedCopyleft(id));
    }

    @ParameterizedTest(name = "{0}{1} is currently {2}")
    @CsvSource({
            "GPL-2.0, '', GPL-2.0-only",
            "GPL-2.0, +, GPL-2.0-or-later",
            "GPL-2.0+, '', GPL-2.0-or-later",
            "GPL-2.0-only, +, GPL-2.0-or-later",
            "gpl-3.0-or-later, '', GPL-3.0-or-later",
            "LGPL-2.1, '', LGPL-2.1-only",
            "MIT, '', MIT",
            "Apache-2.0, +, Apache-2.0+",
            "LicenseRef-x, '', LicenseRef-x",
    })
    void spellsDeprecatedGnuIdsTheCurrentWay(String id, String plus, String current) {
        assertEquals(current, licenses.currentSpelling(id, plus.equals("+")));
    }
}
