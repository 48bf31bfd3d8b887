package dev.covenant.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.covenant.identity.CoAuthors.CoAuthor;

class CoAuthorsTest {

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("plain trailer", "Fix\n\nCo-authored-by: Ada Lovelace <ada@example.org>",
                        List.of(new CoAuthor("Ada Lovelace", "ada@example.org"))),
                Arguments.of("key in any case", "Fix\n\nco-AUTHORED-by: Ada <ada@example.org>",
                        List.of(new CoAuthor("Ada", "ada@example.org"))),
                Arguments.of("no space after colon, extra spaces, CRLF",
                        "Fix\r\n\r\nCo-authored-by:Ada   <  Ada@Example.ORG >  \r\n",
                        List.of(new CoAuthor("Ada", "ada@example.org"))),
                Arguments.of("indented line: a continuation, not a trailer",
                        "Fix\n\n   Co-authored-by: Ada <ada@example.org>", List.of()),
                Arguments.of("several, in order", """
                        Pair on the parser

                        Signed-off-by: Ada <ada@example.org>
                        Co-authored-by: Grace Hopper <grace@example.org>
                        Co-authored-by: Alan <12+alan@users.noreply.github.com>
                        """,
                        List.of(new CoAuthor("Grace Hopper", "grace@example.org"),
                                new CoAuthor("Alan", "12+alan@users.noreply.github.com"))),
                Arguments.of("in the subject, not a trailer", "Co-authored-by: Ada <ada@example.org>\n\nbody text",
                        List.of()),
                Arguments.of("in the middle of the message, not a trailer", """
                        Fix

                        Co-authored-by: Ada <ada@example.org>

                        More text after it.
                        """, List.of()),
                Arguments.of("duplicates by address, case-insensitive, first name wins", """
                        Fix

                        Co-authored-by: Ada <ada@example.org>
                        Co-authored-by: Ada L. <ADA@example.org>
                        """, List.of(new CoAuthor("Ada", "ada@example.org"))),
                Arguments.of("malformed values ignored", """
                        Fix

                        Co-authored-by: ada@example.org
                        Co-authored-by: <ada@example.org>
                        Co-authored-by: Ada <not-an-address>
                        Co-authored-by: Ada <ada@example.org> trailing words
                        Co-authored: Ada <ada@example.org>
                        Co-authored-by: Bob <bob@example.org>
                        """, List.of(new CoAuthor("Bob", "bob@example.org"))),
                Arguments.of("a paragraph with a prose line is not a trailer block", """
                        Fix

                        Mentions Co-authored-by: Ada <ada@example.org> mid-line
                        Co-authored-by: Bob <bob@example.org>
                        """, List.of()),
                Arguments.of("none", "Just a commit", List.of()),
                Arguments.of("empty", "", List.of()),
                Arguments.of("null", null, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void coAuthorTrailersAreRead(String description, String message, List<CoAuthor> expected) {
        assertEquals(expected, CoAuthors.parse(message));
    }
}
