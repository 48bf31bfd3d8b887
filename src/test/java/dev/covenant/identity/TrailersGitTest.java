package dev.covenant.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Trailers} and {@link CoAuthors} against {@code git interpret-trailers --parse} itself, on real commit
 * messages: what git lists as {@code Co-authored-by} trailers is exactly what is credited.
 */
class TrailersGitTest {

    static Stream<String> messages() {
        return Stream.of("Fix the parser\n\nCo-authored-by: Ada Lovelace <ada@example.org>\n",
                "Fix\n\nCo-authored-by: Ada <ada@example.org>\n\nThe middle paragraph above is not the last one.\n",
                "Co-authored-by: Ada <ada@example.org>\n",
                "Fix\n\nSigned-off-by: Ada <ada@example.org>\nCo-authored-by: Grace <grace@example.org>\n",
                "Fix\n\nSome prose here\nSigned-off-by: Ada <ada@example.org>\nCo-authored-by: Grace <grace@example.org>\n"
                        + "Co-authored-by: Alan <alan@example.org>\n",
                "Fix\n\nSome prose here\nmore prose\nand more\nCo-authored-by: Grace <grace@example.org>\n",
                "Fix\n\nCo-authored-by: Grace\n  Hopper <grace@example.org>\nReviewed-by: Bob <bob@example.org>\n",
                "Fix\n\n   Co-authored-by: Ada <ada@example.org>\n",
                "Fix\n\nCo-authored-by : Ada <ada@example.org>\n\n# a comment\n\n",
                "Fix\n\nbody\n---\nCo-authored-by: Ada <ada@example.org>\n",
                "Fix\n\nco-AUTHORED-by: Ada <Ada@Example.org>\nco-authored-by: Ada L. <ada@example.org>\n",
                "Only a subject line");
    }

    @ParameterizedTest
    @MethodSource("messages")
    void coAuthorsAreTheTrailersGitReads(String message) throws Exception {
        List<String> byGit = new ArrayList<>();
        for (String line : git(message).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("co-authored-by")) {
                String value = line.substring(colon + 1).strip();
                byGit.add(value.substring(value.lastIndexOf('<') + 1, value.length() - 1).toLowerCase(Locale.ROOT));
            }
        }
        List<String> ours = CoAuthors.parse(message).stream().map(CoAuthors.CoAuthor::email).toList();
        assertEquals(byGit.stream().distinct().toList(), ours, message);
        List<String> tokens = Trailers.parse(message).stream().map(Trailers.Trailer::token).toList();
        assertEquals(git(message).lines().map(l -> l.substring(0, l.indexOf(':')).strip()).toList(), tokens, message);
    }

    @org.junit.jupiter.api.Test
    void theMiddleOfAMessageCreditsNoOne() throws Exception {
        String message = "Fix\n\nCo-authored-by: Ada <ada@example.org>\n\nThe middle paragraph above is not the last.\n";
        assertEquals("", git(message));
        assertEquals(List.of(), CoAuthors.parse(message));
        assertFalse(git("Fix\n\nCo-authored-by: Ada <ada@example.org>\n").isEmpty());
    }

    private static String git(String message) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("git", "interpret-trailers", "--parse");
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        Process p = builder.start();
        p.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        return out;
    }
}
