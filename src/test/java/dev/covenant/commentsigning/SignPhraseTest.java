package dev.covenant.commentsigning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.covenant.checks.CheckTexts;

class SignPhraseTest {

    private static final String PHRASE = "I have read the CLA Document and I hereby sign the CLA";

    @Test
    void theWholeCommentMustBeThePhraseWhitespaceAndCaseAside() {
        assertTrue(SignPhrase.signs(PHRASE, PHRASE));
        assertTrue(SignPhrase.signs("\r\n  i HAVE read the cla document\tand I hereby sign the CLA  \n", PHRASE));
        assertFalse(SignPhrase.signs(PHRASE + ".", PHRASE));
        assertFalse(SignPhrase.signs("> " + PHRASE, PHRASE));
        assertFalse(SignPhrase.signs("Thanks!\n" + PHRASE, PHRASE));
        assertFalse(SignPhrase.signs("", PHRASE));
        assertFalse(SignPhrase.signs(PHRASE, null));
    }

    @Test
    void theShownVersionIsTheHashInCovenantsMarker() {
        String sha = "ab".repeat(32);
        String comment = "Please sign.\n" + new CheckTexts.CommentSigning(PHRASE, sha).marker() + "\nMore text";
        assertTrue(comment.startsWith("Please sign.\n" + SignPhrase.markerStart()));
        assertEquals(Optional.of(sha), SignPhrase.shownSha256(comment));
        assertEquals(Optional.empty(), SignPhrase.shownSha256("<!-- covenant:sign-by-comment sha256=xyz -->"));
        assertEquals(Optional.empty(), SignPhrase.shownSha256("✅ Everyone is covered"));
    }
}
