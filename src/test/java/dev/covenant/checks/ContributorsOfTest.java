package dev.covenant.checks;

import static dev.covenant.checks.Commits.WEB_FLOW;
import static dev.covenant.checks.Commits.account;
import static dev.covenant.checks.Commits.commit;
import static dev.covenant.checks.Commits.unlinked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.covenant.checks.Contributor.Kind;
import dev.covenant.checks.Contributor.Role;
import dev.covenant.github.CommitInfo;
import dev.covenant.github.GitActor;

class ContributorsOfTest {

    static final GitActor ADA = account(123, "ada", "ada@example.org");
    static final GitActor GRACE = account(456, "grace", "grace@example.org");

    /** Each contributor as one short string, so tables stay readable. */
    static List<String> keys(List<Contributor> contributors) {
        return contributors.stream().map(c -> c.kind() == Kind.ACCOUNT
                ? "id:" + c.githubId() + "/" + c.login()
                : "email:" + c.email()).toList();
    }

    static Stream<Arguments> pullRequests() {
        return Stream.of(
                Arguments.of("same account in several commits counts once",
                        List.of(commit("a1", ADA), commit("a2", GRACE), commit("a3", ADA)),
                        List.of("id:123/ada", "id:456/grace")),
                Arguments.of("same account with different commit addresses counts once",
                        List.of(commit("a1", ADA), commit("a2", account(123, "ada", "ada@work.example"))),
                        List.of("id:123/ada")),
                Arguments.of("co-author no-reply trailer is the committing account",
                        List.of(commit("a1", ADA, WEB_FLOW,
                                "Fix\n\nCo-authored-by: X <123+x@users.noreply.github.com>")),
                        List.of("id:123/ada")),
                Arguments.of("no-reply trailer first, account commit later: one person, first position kept",
                        List.of(commit("a1", GRACE, WEB_FLOW,
                                "Fix\n\nCo-authored-by: Ada <123+ada@users.noreply.github.com>"),
                                commit("a2", ADA)),
                        List.of("id:456/grace", "id:123/ada")),
                Arguments.of("unlinked author with an id no-reply address is that account",
                        List.of(commit("a1", unlinked("Ada", "123+ada@users.noreply.github.com")), commit("a2", ADA)),
                        List.of("id:123/ada")),
                Arguments.of("older no-reply form is keyed by login, joined by the account later",
                        List.of(commit("a1", unlinked("Ada", "ADA@users.noreply.github.com")), commit("a2", ADA)),
                        List.of("id:123/ada")),
                Arguments.of("both no-reply forms, neither linked by GitHub, are one account",
                        List.of(commit("a1", unlinked("Ada", "123+ada@users.noreply.github.com")),
                                commit("a2", unlinked("Ada L.", "Ada@users.noreply.github.com"))),
                        List.of("id:123/ada")),
                Arguments.of("both no-reply forms, the older first, are one account",
                        List.of(commit("a1", unlinked("Ada", "ada@users.noreply.github.com")),
                                commit("a2", unlinked("Ada", "123+ada@users.noreply.github.com"))),
                        List.of("id:123/ada")),
                Arguments.of("same unlinked address counts once, whatever its case",
                        List.of(commit("a1", unlinked("Bob", "bob@example.org")),
                                commit("a2", unlinked("Bobby", "BOB@Example.org"))),
                        List.of("email:bob@example.org")),
                Arguments.of("co-author address the account committed with is that account",
                        List.of(commit("a1", ADA), commit("a2", GRACE, WEB_FLOW,
                                "Fix\n\nCo-authored-by: Ada <Ada@Example.org>")),
                        List.of("id:123/ada", "id:456/grace")),
                Arguments.of("address seen unlinked first becomes the account that GitHub linked it to",
                        List.of(commit("a1", unlinked("Ada", "ada@example.org")), commit("a2", ADA)),
                        List.of("id:123/ada")),
                Arguments.of("different unlinked addresses are different people",
                        List.of(commit("a1", unlinked("Bob", "bob@example.org")),
                                commit("a2", unlinked("Bob", "bob@home.example"))),
                        List.of("email:bob@example.org", "email:bob@home.example")),
                Arguments.of("merge commits count like any other",
                        List.of(commit("a1", ADA), commit("m1", GRACE, WEB_FLOW, "Merge branch 'main' into topic")),
                        List.of("id:123/ada", "id:456/grace")),
                Arguments.of("empty pull request has nobody", List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pullRequests")
    void eachPersonCountsOnce(String description, List<CommitInfo> commits, List<String> expected) {
        assertEquals(expected, keys(ContributorsOf.pullRequest(commits, false)));
    }

    @Test
    void aContributorCarriesTheirCommitsRolesAndAddresses() {
        List<Contributor> contributors = ContributorsOf.pullRequest(List.of(
                commit("a1", ADA),
                commit("a2", GRACE, ADA, "Fix\n\nCo-authored-by: Ada Lovelace <123+ada@users.noreply.github.com>"),
                commit("a3", account(123, "ada", "ada@work.example"))), true);

        Contributor ada = contributors.get(0);
        assertEquals(Kind.ACCOUNT, ada.kind());
        assertEquals(123L, ada.githubId());
        assertEquals(List.of("a1", "a2", "a3"), ada.shas());
        assertEquals(Set.of(Role.AUTHOR, Role.CO_AUTHOR, Role.COMMITTER), ada.roles());
        assertEquals(List.of("ada@example.org", "123+ada@users.noreply.github.com", "ada@work.example"), ada.emails());
        assertEquals("ada", ada.displayName());
        assertEquals("@ada", ada.handle());
    }

    @Test
    void anUnlinkedCoAuthorIsListedByTheirAddress() {
        List<Contributor> contributors = ContributorsOf.pullRequest(List.of(
                commit("a1", ADA, WEB_FLOW, "Fix\n\nCo-authored-by: Bob Smith <Bob@Example.org>")), false);

        Contributor bob = contributors.get(1);
        assertEquals(Kind.EMAIL_ONLY, bob.kind());
        assertEquals("bob@example.org", bob.email());
        assertNull(bob.githubId());
        assertEquals(Set.of(Role.CO_AUTHOR), bob.roles());
        assertEquals("Bob Smith", bob.displayName());
        assertEquals("bob@example.org", bob.handle());
    }

    @Test
    void committersCountOnlyWhenTheProjectAsks() {
        List<CommitInfo> commits = List.of(commit("a1", ADA, GRACE, "Rebased by Grace"));

        assertEquals(List.of("id:123/ada"), keys(ContributorsOf.pullRequest(commits, false)));
        List<Contributor> withCommitters = ContributorsOf.pullRequest(commits, true);
        assertEquals(List.of("id:123/ada", "id:456/grace"), keys(withCommitters));
        assertEquals(Set.of(Role.COMMITTER), withCommitters.get(1).roles());
    }

    static Stream<GitActor> webFlowLookalikes() {
        return Stream.of(WEB_FLOW, new GitActor("GitHub", "noreply@github.com", null, null),
                new GitActor("GitHub", null, "Web-Flow", null),
                new GitActor("GitHub", "x@example.org", null, 19864447L),
                new GitActor("GitHub", "NoReply@GitHub.com", null, null));
    }

    @ParameterizedTest
    @MethodSource("webFlowLookalikes")
    void webFlowIsNeverIncludedAsCommitter(GitActor webFlow) {
        List<Contributor> contributors = ContributorsOf.pullRequest(
                List.of(commit("a1", ADA, webFlow, "Edit in the browser")),
                true);
        assertEquals(List.of("id:123/ada"), keys(contributors));
    }

    @Test
    void webFlowAddressDoesNotExcuseAnAuthor() {
        List<Contributor> contributors = ContributorsOf.pullRequest(
                List.of(commit("a1", unlinked("Sneaky", "noreply@github.com"))), true);
        assertEquals(List.of("email:noreply@github.com"), keys(contributors));
    }

    @Test
    void threeHundredCommitsAreHandled() {
        List<CommitInfo> commits = new ArrayList<>();
        IntStream.range(0, 300).forEach(i -> commits.add(commit("c" + i,
                i % 3 == 0 ? ADA : account(1000 + i % 7, "dev" + i % 7, "dev" + i % 7 + "@example.org"), WEB_FLOW,
                "Change " + i + "\n\nCo-authored-by: Pair " + i % 11 + " <pair" + i % 11 + "@example.org>")));

        List<Contributor> contributors = ContributorsOf.pullRequest(commits, true);

        assertEquals(1 + 7 + 11, contributors.size());
        assertEquals(100, contributors.get(0).shas().size());
        assertEquals(List.of(), contributors.stream().filter(c -> c.shas().isEmpty()).toList(), "without commits");
    }
}
