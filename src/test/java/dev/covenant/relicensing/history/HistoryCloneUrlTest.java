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
import org.junit.jupiter.params.provider.EnumSource;
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

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost/acme/widget.git", "https://localhost:8443/a/b", "git://localhost/a/b",
            "http://127.0.0.1/a", "https://10.1.2.3/a", "http://172.20.0.5/a", "https://192.168.1.1/a",
            "http://169.254.169.254/latest/meta-data/", "https://100.64.0.1/a", "http://0.0.0.0/a",
            "https://[::1]/a", "https://[fd00::1]/a", "https://[fe80::1]/a", "https://[::ffff:127.0.0.1]/a",
            "https://[::ffff:169.254.169.254]/a", "https://[64:ff9b::a00:1]/a", "https://2130706433/a",
            "https://0177.0.0.1/a", "https://0x7f.0.0.1/a", "https://017700000001/a", "https://127.000.000.001/a",
            "https://224.0.0.1/a"})
    void networkUrlsThatReachInsideAreRefusedNamingTheField(String url) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> CloneUrl.parse(url, List.of()));
        assertEquals("cloneUrl", refused.errors().get(0).field(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://140.82.112.3/acme/widget.git", "https://[2606:50c0:8000::153]/a/b",
            "http://8.8.8.8/a", "https://172.32.0.1/a", "https://100.128.0.1/a"})
    void publicAddressesAreAccepted(String url) {
        assertEquals(url, CloneUrl.parse(url, List.of()).url());
    }

    @Test
    void aGitUrlIsPinnedToTheAddressItWasJudgedBy() {
        assertEquals("git://140.82.112.3/acme/widget.git",
                CloneUrl.parse("git://140.82.112.3/acme/widget.git", List.of()).url());
    }

    @ParameterizedTest
    @EnumSource(BareClone.Tool.class)
    void everyFailedCloneSaysTheSameWhetherThePortIsOpenOrNot(BareClone.Tool tool) throws Exception {
        Path work = Files.createTempDirectory("clones-");
        Path notARepository = Files.createTempDirectory("plain-");
        try (java.net.ServerSocket open = new java.net.ServerSocket(0)) {
            // Behind the parser's back: an open port, a closed one, a plain directory. The connection guard refuses
            // the first two as they open; every failure reads the same.
            List<CloneUrl> urls = List.of(
                    new CloneUrl("http://127.0.0.1:" + open.getLocalPort() + "/r.git",
                            java.net.URI.create("http://127.0.0.1:" + open.getLocalPort() + "/r.git"), null),
                    new CloneUrl("http://127.0.0.1:1/r.git", java.net.URI.create("http://127.0.0.1:1/r.git"), null),
                    new CloneUrl(notARepository.toUri().toString(), notARepository.toUri(), notARepository));
            for (CloneUrl url : urls) {
                BareClone.CloneFailedException failed = assertThrows(BareClone.CloneFailedException.class,
                        () -> BareClone.with(tool, url, work, java.util.Optional.empty()).close());
                assertEquals(BareClone.FAILED, failed.getMessage(), url.url());
            }
        }
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
