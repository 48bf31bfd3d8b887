package dev.covenant.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every policy against every kind of target, for a project that was MIT-licensed on the
 * submission date. The two list-based policies list CC0-1.0 (FSF-libre, not OSI-approved) and a
 * LicenseRef, so that being listed is told apart from every fact-based rule.
 */
class OutboundPolicyMatrixTest {

    private static final String SUBMISSION = "MIT";
    private static final List<String> LISTED = List.of("CC0-1.0", "LicenseRef-Acme-1.0");

    private static final List<OutboundPolicy> COLUMNS = List.of(OutboundPolicy.NONE, OutboundPolicy.SAME,
            OutboundPolicy.SAME_PLUS_LISTED, OutboundPolicy.LISTED_ONLY, OutboundPolicy.SAME_OR_OSI,
            OutboundPolicy.SAME_OR_FSF_COPYLEFT, OutboundPolicy.FSF_AND_OSI, OutboundPolicy.ANY_KEEPING_SAME,
            OutboundPolicy.ANY);

    // Y = allowed, n = refused. Target | why it is in the table | one column per policy, in COLUMNS order.
    private static final String MATRIX = """
            target                                     | kind                          | NONE SAME S+L LIST OSI FSFC F&O AKS ANY
            MIT                                        | same license                  | Y    Y    Y   Y    Y   Y    Y   Y   Y
            mit                                        | same license, other case      | Y    Y    Y   Y    Y   Y    Y   Y   Y
            Artistic-1.0                               | OSI-approved, not FSF-libre   | n    n    n   n    Y   n    n   n   Y
            WTFPL                                      | FSF-libre, not OSI-approved   | n    n    n   n    n   n    n   n   Y
            Apache-2.0                                 | both, permissive              | n    n    n   n    Y   n    Y   n   Y
            GPL-3.0-or-later                           | FSF recommended copyleft      | n    n    n   n    Y   Y    Y   n   Y
            GPL-2.0-only                               | both, not recommended by FSF  | n    n    n   n    Y   n    Y   n   Y
            GPL-2.0+                                   | recommended, deprecated form  | n    n    n   n    Y   Y    Y   n   Y
            SSPL-1.0                                   | neither OSI nor FSF-libre     | n    n    n   n    n   n    n   n   Y
            CC0-1.0                                    | listed, FSF-libre only        | n    n    Y   Y    n   n    n   n   Y
            LicenseRef-Acme-1.0                        | listed LicenseRef             | n    n    Y   Y    n   n    n   n   Y
            LicenseRef-Other                           | unknown LicenseRef            | n    n    n   n    n   n    n   n   Y
            Apache-2.0 OR MIT                          | OR offering the same license  | n    n    n   n    Y   n    Y   Y   Y
            Artistic-1.0 OR MIT                        | OR with an OSI-only license   | n    n    n   n    Y   n    n   Y   Y
            MIT OR CC0-1.0                             | OR of same and listed         | n    n    Y   n    n   n    n   Y   Y
            GPL-3.0-only AND MIT                       | AND with the same license     | n    n    n   n    Y   Y    Y   n   Y
            Apache-2.0 AND CC0-1.0                     | AND with a non-OSI license    | n    n    n   n    n   n    n   n   Y
            (MIT OR Apache-2.0) AND GPL-3.0-only       | same offered only inside AND  | n    n    n   n    Y   n    Y   n   Y
            GPL-2.0-only WITH Classpath-exception-2.0  | WITH, base not recommended    | n    n    n   n    Y   n    Y   n   Y
            GPL-3.0-only WITH GCC-exception-3.1        | WITH, base recommended        | n    n    n   n    Y   Y    Y   n   Y
            MIT WITH Classpath-exception-2.0           | same license plus exception   | n    n    n   n    Y   n    Y   n   Y
            """;

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        List<String> rows = MATRIX.lines().skip(1).toList();
        for (String row : rows) {
            String[] cells = row.split("\\|");
            String target = cells[0].strip();
            String kind = cells[1].strip();
            String[] marks = cells[2].strip().split("\\s+");
            assertEquals(COLUMNS.size(), marks.length, () -> "row for " + target + " needs one mark per policy");
            for (int i = 0; i < marks.length; i++) {
                cases.add(Arguments.of(COLUMNS.get(i), target, kind, marks[i].equals("Y")));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1} ({2}) -> allowed {3}")
    @MethodSource("matrix")
    void decidesEveryPolicyForEveryKindOfTarget(OutboundPolicy policy, String target, String kind, boolean allowed) {
        OutboundTerms terms = new OutboundTerms(policy, policy.needsList() ? LISTED : List.of());
        Verdict verdict = terms.allows(target, SUBMISSION);
        assertEquals(allowed, verdict.allowed(), verdict::reason);
    }

    @Test
    void coversEveryPolicyExactlyOnce() {
        assertEquals(Arrays.asList(OutboundPolicy.values()), COLUMNS);
    }
}
