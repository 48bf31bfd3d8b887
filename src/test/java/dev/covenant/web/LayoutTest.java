package dev.covenant.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the sign-in page sends a visitor back to: this page, encoded so that sign-in's own check lets it through. */
class LayoutTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/repos/acme/widget/campaigns/7          | /repos/acme/widget/campaigns/7",
            "/signatures/abc?x=1&y=2                 | /signatures/abc%3Fx%3D1%26y%3D2",
            "/repos/a/b/relicensing?to=MIT OR 0BSD   | /repos/a/b/relicensing%3Fto%3DMIT%20OR%200BSD"})
    void theNextPathIsEncodedButForItsSlashes(String path, String next) {
        assertEquals(next, Layout.next(path));
        assertEquals(next, Requests.safeNext(next), "sign-in keeps it");
    }
}
