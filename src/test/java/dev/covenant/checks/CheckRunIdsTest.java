package dev.covenant.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckRunIdsTest {

    @Test
    void whatIsWrittenIsReadBack() {
        assertEquals("pull_request:42", CheckRunIds.pullRequest(42));
        assertEquals(Optional.of(42), CheckRunIds.pullRequestOf(CheckRunIds.pullRequest(42)));
        assertEquals(Optional.of(999_999_999), CheckRunIds.pullRequestOf(CheckRunIds.pullRequest(999_999_999)));
        assertEquals("merge_group:abc123", CheckRunIds.mergeGroup("abc123"));
        assertEquals(Optional.of("abc123"), CheckRunIds.mergeGroupOf(CheckRunIds.mergeGroup("abc123")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pull_request:", "pull_request:-1", "pull_request:1234567890", "pull_request:4x",
            "merge_group:abc", "PULL_REQUEST:4", " pull_request:4"})
    void anyOtherIdNamesNoPullRequest(String externalId) {
        assertEquals(Optional.empty(), CheckRunIds.pullRequestOf(externalId));
    }

    @Test
    void anIdOfAnotherKindNamesNoMergeGroup() {
        assertEquals(Optional.empty(), CheckRunIds.mergeGroupOf("pull_request:4"));
        assertEquals(Optional.empty(), CheckRunIds.mergeGroupOf(null));
        assertEquals(Optional.empty(), CheckRunIds.pullRequestOf(null));
    }
}
