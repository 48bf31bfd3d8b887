package dev.covenant.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecheckPhraseTest {

    @ParameterizedTest(name = "\"{0}\" asks for a recheck: {1}")
    @CsvSource(delimiter = ';', value = {
            "/cla recheck;true",
            "  /CLA Recheck  ;true",
            "I signed it!\\n/cla recheck;true",
            "/cla recheck please;false",
            "please run /cla recheck;false",
            "comment `` /cla recheck `` to check again;false",
            "/cla;false",
            ";false",
    })
    void onlyALineThatIsThePhraseCounts(String body, boolean expected) {
        assertEquals(expected,
                RecheckCommentHandler.asksForRecheck(body == null ? "" : body.replace("\\n", "\n"), "/cla recheck"));
    }
}
