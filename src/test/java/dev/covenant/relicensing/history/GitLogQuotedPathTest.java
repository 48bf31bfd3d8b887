package dev.covenant.relicensing.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GitLogQuotedPathTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "src/Main.java                        | src/Main.java",
            "with space.txt                       | with space.txt",
            "`\"na\\303\\257ve caf\\303\\251.md\"`      | naïve café.md",
            "`\"tab\\there\"`                       | `tab\there`",
            "`\"say \\\"hi\\\".txt\"`                 | say \"hi\".txt",
            "`\"back\\\\slash\"`                     | back\\slash",
            "`\"bell\\a nl\\n cr\\r vt\\v ff\\f bs\\b\"` | `bell\u0007 nl\n cr\r vt\u000b ff\f bs\b`",
            "`\"latin1 \\351t\\351\"`               | latin1 été",
            "`\"unquoted é \\\"kept\\\"\"`            | unquoted é \"kept\"",
            "`\"emoji \\360\\237\\230\\200\"`         | emoji \uD83D\uDE00",
    })
    void pathsAreUnquotedTheWayGitQuotedThem(String printed, String expected) {
        assertEquals(expected, QuotedPath.unquote(printed));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"", "\"open", "\"bad \\q\"", "\"short \\30\"", "\"octal \\400\"", "\"inner \" quote\"",
            "\"trailing \\\""})
    void malformedQuotedPathsAreRefused(String printed) {
        assertNull(QuotedPath.unquote(printed));
    }
}
