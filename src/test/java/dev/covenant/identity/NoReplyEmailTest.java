package dev.covenant.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoReplyEmailTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "12345+octocat@users.noreply.github.com,         12345,    octocat",
            "12345+OctoCat@Users.NoReply.GitHub.com,         12345,    OctoCat",
            "octocat@users.noreply.github.com,               null,     octocat",
            "my-login@USERS.NOREPLY.GITHUB.COM,              null,     my-login",
            "41898282+github-actions[bot]@users.noreply.github.com, 41898282, github-actions[bot]",
            "'  7+ada@users.noreply.github.com  ',           7,        ada",
    })
    void noReplyAddressesNameTheAccount(String email, Long id, String login) {
        assertEquals(Optional.of(new NoReplyEmail(id, login)), NoReplyEmail.parse(email));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "octocat@example.org",
            "noreply@github.com",
            "12345+octocat@noreply.github.com",
            "12345+octocat@users.noreply.github.com.evil.org",
            "+octocat@users.noreply.github.com",
            "12345+@users.noreply.github.com",
            "abc+octocat@users.noreply.github.com",
            "99999999999999999999+octocat@users.noreply.github.com",
            "-octocat@users.noreply.github.com",
            "octo cat@users.noreply.github.com",
            "''",
            "null",
    })
    void otherAddressesAreNotNoReply(String email) {
        assertEquals(Optional.empty(), NoReplyEmail.parse(email));
    }
}
