package dev.covenant.checks;

import static dev.covenant.checks.Commits.WEB_FLOW;
import static dev.covenant.checks.Commits.unlinked;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.covenant.github.CommitInfo;
import dev.covenant.github.GitActor;

class DcoSignOffsTest {

    static final GitActor ADA = unlinked("Ada Lovelace", "ada@example.org");

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("the trailer git commit --signoff writes",
                        "Fix the parser\n\nSigned-off-by: Ada Lovelace <ada@example.org>", true),
                Arguments.of("among other trailers",
                        "Fix the parser\n\nThe long story.\n\nReviewed-by: Grace <grace@example.org>\n"
                                + "Signed-off-by: Ada Lovelace <ada@example.org>\nFixes: #12",
                        true),
                Arguments.of("one of several sign-offs",
                        "Fix\n\nSigned-off-by: Grace Hopper <grace@example.org>\n"
                                + "Signed-off-by: Ada Lovelace <ada@example.org>",
                        true),
                Arguments.of("CRLF line ends", "Fix\r\n\r\nSigned-off-by: Ada Lovelace <ada@example.org>\r\n", true),
                Arguments.of("the address in another case",
                        "Fix\n\nSigned-off-by: Ada Lovelace <ADA@Example.ORG>", true),
                Arguments.of("spaces around the name and address",
                        "Fix\n\nSigned-off-by:   Ada Lovelace   <ada@example.org>  ", true),
                Arguments.of("the token in lower case, as git reads trailers",
                        "Fix\n\nsigned-off-by: Ada Lovelace <ada@example.org>", true),
                Arguments.of("missing", "Fix the parser", false),
                Arguments.of("only a co-author's sign-off",
                        "Fix\n\nCo-authored-by: Grace Hopper <grace@example.org>\n"
                                + "Signed-off-by: Grace Hopper <grace@example.org>",
                        false),
                Arguments.of("the right address under another name",
                        "Fix\n\nSigned-off-by: A. Lovelace <ada@example.org>", false),
                Arguments.of("the name in another case", "Fix\n\nSigned-off-by: ada lovelace <ada@example.org>", false),
                Arguments.of("the right name with another address",
                        "Fix\n\nSigned-off-by: Ada Lovelace <ada@work.example>", false),
                Arguments.of("in the middle of the message, not a trailer",
                        "Fix\n\nSigned-off-by: Ada Lovelace <ada@example.org>\n\nMore text after it.", false),
                Arguments.of("in the subject line", "Signed-off-by: Ada Lovelace <ada@example.org>", false),
                Arguments.of("without an address", "Fix\n\nSigned-off-by: Ada Lovelace", false),
                Arguments.of("after a patch separator",
                        "Fix\n\n---\nSigned-off-by: Ada Lovelace <ada@example.org>", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void aSignOffCountsOnlyWhenItIsTheAuthors(String description, String message, boolean signedOff) {
        CommitInfo commit = new CommitInfo("a".repeat(40), ADA, WEB_FLOW, message);
        assertEquals(signedOff, DcoSignOffs.signedOffBy(commit, ADA), description);
        assertEquals(!signedOff, DcoSignOffs.lacksAuthorSignOff(commit), description);
    }

    @Test
    void aMergeCommitNeedsNoSignOffAsWithGitHubsDcoApp() {
        CommitInfo merge = new CommitInfo("b".repeat(40), ADA, WEB_FLOW, "Merge branch 'main' into feature",
                List.of("c".repeat(40), "d".repeat(40)));
        CommitInfo single = new CommitInfo("b".repeat(40), ADA, WEB_FLOW, "Merge branch 'main' into feature",
                List.of("c".repeat(40)));
        assertEquals(false, DcoSignOffs.lacksAuthorSignOff(merge));
        assertEquals(true, DcoSignOffs.lacksAuthorSignOff(single));
    }

    @Test
    void everySignOffIsReadInOrder() {
        assertEquals(List.of(new DcoSignOffs.SignOff("Grace Hopper", "grace@example.org"),
                new DcoSignOffs.SignOff("Ada Lovelace", "ADA@example.org")),
                DcoSignOffs.of("Fix\n\nSigned-off-by: Grace Hopper <grace@example.org>\nAcked-by: Someone\n"
                        + "Signed-off-by: Ada Lovelace <ADA@example.org>"));
    }
}
