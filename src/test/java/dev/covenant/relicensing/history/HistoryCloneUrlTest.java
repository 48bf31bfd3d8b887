package dev.covenant.relicensing.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.covenant.api.InvalidInputException;

/** Which clone URLs the service fetches, and where the App's installation token may go. */
class HistoryCloneUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/acme/widget.git", "http://git.example.org/widget",
            "git://example.org/w"})
    void remoteUrlsAreAccepted(String url) {
        assertEquals(url, CloneUrl.parse(url, List.of()).url());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh://github.com/a/b", "git@github.com:a/b.git", "/etc", "file:/etc",
            "ftp://example.org/x",
            "https://user:secret@github.com/a/b", "https:///nohost", "ext::sh -c id", ""})
    void everythingElseIsRefusedNamingTheField(String url) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> CloneUrl.parse(url, List.of()));
        assertEquals("cloneUrl", refused.errors().get(0).field());
    }

    @Test
    void localPathsOnlyInsideTheAllowedRoots() throws IOException {
        Path root = Files.createTempDirectory("roots-");
        Path inside = Files.createDirectories(root.resolve("repo"));
        assertEquals(inside.toRealPath(), CloneUrl.parse(inside.toUri().toString(), List.of(root)).localPath());
        Path outside = Files.createTempDirectory("elsewhere-");
        assertThrows(InvalidInputException.class, () -> CloneUrl.parse(outside.toUri().toString(), List.of(root)));
        Path link = Files.createSymbolicLink(root.resolve("escape"), outside);
        assertThrows(InvalidInputException.class, () -> CloneUrl.parse(link.toUri().toString(), List.of(root)));
        assertThrows(InvalidInputException.class, () -> CloneUrl.parse(root.resolve("../").toUri().toString(),
                List.of(root)));
    }

    @ParameterizedTest
    @CsvSource({
            "https://github.com/acme/widget.git, true",
            "https://GitHub.com/Acme/Widget, true",
            "https://github.com:443/acme/widget.git, true",
            "http://github.com/acme/widget.git, false",
            "https://github.com/acme/other.git, false",
            "https://evil.example/acme/widget.git, false",
            "https://github.com.evil.example/acme/widget.git, false",
            "https://github.com:8443/acme/widget.git, false"})
    void theInstallationTokenGoesOnlyToGitHubForThisRepository(String url, boolean allowed) {
        assertEquals(allowed, CloneCredentials.tokenMayGo(CloneUrl.parse(url, List.of()), "github.com", "acme/widget"));
    }
}
