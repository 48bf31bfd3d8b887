package dev.covenant.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A commit's parents as GitHub lists them in a pull request's commits: two make a merge, which needs no sign-off. */
class CommitParentsTest {

    static CommitInfo read(String parents) throws Exception {
        return PullRequestReader.commit(new ObjectMapper().readTree("""
                {"sha": "1111111111111111111111111111111111111111",
                 "commit": {"author": {"name": "Ada", "email": "ada@example.org", "date": "2026-01-01T00:00:00Z"},
                            "committer": {"name": "GitHub", "email": "noreply@github.com",
                                          "date": "2026-01-01T00:00:00Z"},
                            "message": "Merge branch 'main' into feature\\n\\nSigned-off-by: Ada <ada@example.org>"},
                 "author": null, "committer": null,
                 "parents": %s}
                """.formatted(parents)));
    }

    @Test
    void twoParentsMakeAMerge() throws Exception {
        CommitInfo merge = read("[{\"sha\": \"2222222222222222222222222222222222222222\", \"url\": \"u\"},"
                + " {\"sha\": \"3333333333333333333333333333333333333333\", \"url\": \"u\"}]");
        assertEquals(List.of("2".repeat(40), "3".repeat(40)), merge.parents());
        assertEquals(true, merge.merge());
        assertEquals("Merge branch 'main' into feature", merge.title());
    }

    @Test
    void oneParentOrNoneIsNot() throws Exception {
        assertEquals(false, read("[{\"sha\": \"2222222222222222222222222222222222222222\"}]").merge());
        assertEquals(List.of(), read("[]").parents());
    }
}
