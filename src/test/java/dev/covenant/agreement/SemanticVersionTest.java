package dev.covenant.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemanticVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.0", "1.0.0.0", "v1.0.0", "01.0.0", "1.-1.0", "1.0.0-rc1", "1.0.x"})
    void malformedVersionsAreRefused(String text) {
        assertTrue(SemanticVersion.parse(text).isEmpty(), text);
    }

    @ParameterizedTest
    @CsvSource({"1.0.0,1.0.1,-1", "1.2.0,1.10.0,-1", "2.0.0,1.99.99,1", "3.4.5,3.4.5,0"})
    void versionsOrderNumerically(String a, String b, int sign) {
        assertEquals(sign, Integer
                .signum(SemanticVersion.parse(a).orElseThrow().compareTo(SemanticVersion.parse(b).orElseThrow())));
    }

    @ParameterizedTest
    @CsvSource({"1.0.0,2.0.0,true", "1.0.0,1.1.0,false", "1.0.0,1.0.1,false", "1.9.0,2.0.0,true"})
    void onlyAMajorBumpRequiresSigningAgain(String earlier, String later, boolean again) {
        assertEquals(again, SemanticVersion.parse(later).orElseThrow()
                .requiresResigningAfter(SemanticVersion.parse(earlier).orElseThrow()));
    }
}
