package dev.covenant.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicenseAllowsTest {

    @ParameterizedTest(name = "[{0}] allows [{1}]: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Apache-2.0                          | Apache-2.0                       | true
            GPL-2.0-or-later                    | GPL-3.0-or-later                 | true
            GPL-2.0-or-later                    | GPL-3.0-only                     | true
            GPL-2.0-or-later                    | GPL-2.0-only                     | true
            GPL-2.0+                            | GPL-3.0                          | true
            GPL-2.0-only                        | GPL-3.0-only                     | false
            GPL-2.0-only                        | GPL-3.0-or-later                 | false
            GPL-2.0                             | GPL-2.0-only                     | true
            GPL-3.0-or-later                    | GPL-2.0-only                     | false
            GPL-2.0-only                        | GPL-2.0-or-later                 | false
            LGPL-2.1-or-later                   | LGPL-3.0-only                    | true
            LGPL-2.1-or-later                   | GPL-3.0-only                     | false
            GPL-2.0-or-later WITH Classpath-exception-2.0 | GPL-3.0-only WITH Classpath-exception-2.0 | true
            GPL-2.0-or-later WITH Classpath-exception-2.0 | GPL-3.0-only    | false
            GPL-2.0-or-later                    | GPL-3.0-only WITH Classpath-exception-2.0 | false
            MPL-1.1+                            | MPL-2.0                          | true
            MIT OR Apache-2.0                   | MIT                              | true
            MIT OR Apache-2.0                   | Apache-2.0 OR MIT                | true
            MIT OR Apache-2.0                   | Apache-2.0                       | true
            MIT                                 | MIT OR Apache-2.0                | false
            MIT                                 | Apache-2.0                       | false
            Apache-2.0                          | MIT                              | false
            MIT OR GPL-2.0-or-later             | GPL-3.0-only                     | true
            MIT AND BSD-3-Clause                | MIT                              | false
            MIT AND BSD-3-Clause                | BSD-3-Clause AND MIT             | true
            MIT AND GPL-2.0-or-later            | MIT AND GPL-3.0-only             | true
            MIT AND GPL-2.0-or-later            | GPL-3.0-only                     | false
            (MIT OR Apache-2.0) AND BSD-3-Clause | MIT AND BSD-3-Clause            | true
            MIT                                 | MIT AND Apache-2.0               | false
            LicenseRef-Acme                     | LicenseRef-Acme                  | true
            LicenseRef-Acme                     | LicenseRef-Other                 | false
            BSD-3-Clause                        | BSD-4-Clause                     | false
            CC-BY-3.0                           | CC-BY-4.0                        | false
            """)
    void aLicenseAllowsWhatItAlreadyOffers(String license, String target, boolean allowed) {
        assertEquals(allowed, LicenseAllows.allows(SpdxExpression.parse(license), SpdxExpression.parse(target)));
    }

    @Test
    void anUnknownLicenseAllowsNothing() {
        assertFalse(LicenseAllows.allows(null, SpdxExpression.parse("MIT")));
    }
}
