package dev.covenant.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpdxResourcesTest {

    private static final String ENTRY = "{\"id\":\"MIT\",\"name\":\"MIT License\",\"osiApproved\":true,"
            + "\"fsfLibre\":true,\"deprecated\":false}";

    @Test
    void readsTheListInFileOrderAndIgnoresItsReleaseDate() {
        SpdxResources.LicenseList list = SpdxResources.parse("test", "{\"licenseListVersion\":\"3.28.0\","
                + "\"releaseDate\":\"2026-02-20\",\"licenses\":[" + ENTRY + ","
                + "{\"id\":\"0BSD\",\"name\":\"BSD Zero Clause License\",\"osiApproved\":true,\"fsfLibre\":false,"
                + "\"deprecated\":false}]}", SpdxResources.LicenseList.class);
        assertEquals("3.28.0", list.licenseListVersion());
        assertEquals(List.of(new LicenseFact("MIT", "MIT License", true, true, false),
                new LicenseFact("0BSD", "BSD Zero Clause License", true, false, false)), list.licenses());
    }

    /** A fact left out or mistyped in the shipped data must stop the load, never read as {@code false}. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":\"MIT\",\"name\":\"MIT License\",\"fsfLibre\":true,\"deprecated\":false}",
            "{\"id\":\"MIT\",\"name\":\"MIT License\",\"osiApproved\":null,\"fsfLibre\":true,\"deprecated\":false}",
            "{\"id\":\"MIT\",\"name\":\"MIT License\",\"osiApproved\":\"yes\",\"fsfLibre\":true,\"deprecated\":false}",
            "{\"name\":\"MIT License\",\"osiApproved\":true,\"fsfLibre\":true,\"deprecated\":false}",
            "{\"id\":\"MIT\",\"name\":\"MIT License\",\"osiApproved\":true,\"fsfLibre\":true,\"deprecated\":false",
    })
    void refusesAnEntryWithAMissingOrMistypedFact(String entry) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SpdxResources.parse("spdx/licenses.json", "{\"licenseListVersion\":\"3.28.0\",\"licenses\":["
                        + entry + "]}", SpdxResources.LicenseList.class));
        assertTrue(e.getMessage().startsWith("The SPDX data in spdx/licenses.json is not as expected: "),
                e.getMessage());
    }
}
