package dev.covenant.relicensing.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parts of a commit or merge line, read without a regular expression, are those {@code split(" +")} gives. */
class GitLogLinesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a b", "a  b", "a b   c", "a\tb c", "abc def ghi jkl", "a   ", "x y z "})
    void wordsAreWhatSplittingOnRunsOfSpacesGives(String text) {
        String stripped = text.strip();
        assertEquals(List.of(stripped.split(" +")), GitLogLines.words(stripped));
    }

    @ParameterizedTest
    @ValueSource(strings = {"commit ", "commit  ", "commit 0123", "commit " + SHA + " 0123",
            "commit " + SHA + "\t" + SHA, "commit " + SHA + " (HEAD"})
    void commitLinesThatAreNotShasAreRefused(String line) {
        assertNull(GitLogLines.commit(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"commit " + SHA + " " + SHA, "commit " + SHA + "   " + SHA + " ",
            "commit  " + SHA + " " + SHA + " (HEAD -> main)"})
    void aCommitAndItsParentIsReadWhateverTheSpacing(String line) {
        assertEquals(List.of(SHA, SHA), GitLogLines.commit(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Merge: 1a2b3c4 5d6e7f8", "Merge:  1a2b3c4   5d6e7f8  "})
    void mergeParentsAreRead(String line) {
        assertEquals(List.of("1a2b3c4", "5d6e7f8"), GitLogLines.mergeParents(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Merge: 1a2b3c4", "Merge: 1a2 5d6e7f8", "Merge: 1a2b3c4 5d6e7fg", "Merge:"})
    void mergeLinesWithoutTwoAbbreviatedParentsAreRefused(String line) {
        assertNull(GitLogLines.mergeParents(line));
    }

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
}
