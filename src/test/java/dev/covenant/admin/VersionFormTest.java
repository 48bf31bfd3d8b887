package dev.covenant.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.covenant.agreement.SemanticVersion;

/** The publish form's numbering: an empty version follows the bump, a typed one must agree with it. */
class VersionFormTest {

    @ParameterizedTest
    @CsvSource({"1.4.2, false, 1.5.0", "1.4.2, true, 2.0.0", "0.9.0, false, 0.10.0", ", false, 1.0.0", ", true, 1.0.0"})
    void theNextNumberFollowsTheBump(String latest, boolean major, String next) {
        assertEquals(next, VersionForm.next(Optional.ofNullable(latest).flatMap(SemanticVersion::parse), major)
                .toString());
    }

    @ParameterizedTest
    @CsvSource({"terms.outboundLicenses[2], outboundLicenses", "terms.grant, grant", "terms, grant",
            "version, version", "text, text", "fields[0].name, text", "body, text"})
    void aValidatorsFieldIsShownBesideTheFormField(String validatorField, String formField) {
        assertEquals(formField, VersionForm.fieldOf(validatorField));
    }

    @ParameterizedTest
    @CsvSource({"MINOR, 1.2.0, false", "MAJOR, 2.0.0, false", "MAJOR, 1.2.0, false", "MINOR, 2.0.0, false",
            "SIDEWAYS, 1.2.0, true"})
    void aFirstVersionHasNothingToAgreeWithButTheBumpMustBeChosen(String bump, String version, boolean refused) {
        VersionForm.Checked checked = VersionForm.check(Map.of("bump", bump, "version", version, "text", "# T\r\n",
                "grant", "LICENSE", "sublicensable", "yes", "coversPriorContributions", "no", "patentGrant", "no",
                "outboundPolicy", "ANY"), Optional.empty());
        assertEquals("# T\n", checked.request().text(), "CR LF from the browser kept as LF");
        if (refused) {
            assertTrue(checked.form().error("bump") != null);
        } else {
            // Without a version before, any bump agrees with any number.
            assertFalse(checked.form().hasErrors(), checked.form().errors().toString());
            assertNull(checked.form().error("version"));
        }
    }
}
