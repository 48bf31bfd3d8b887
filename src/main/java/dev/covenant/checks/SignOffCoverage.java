package dev.covenant.checks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.covenant.coverage.Coverage;
import dev.covenant.coverage.CoverageRules;
import dev.covenant.coverage.CoverageSubject;
import dev.covenant.github.CommitInfo;
import dev.covenant.github.GitActor;
import dev.covenant.identity.CoAuthors;
import dev.covenant.identity.NoReplyEmail;
import dev.covenant.project.Allowlist;

/**
 * What sign-offs ({@link DcoSignOffs}) cover in a pull request. In {@code DCO} mode every commit but a merge needs
 * its author's sign-off, unless the author is allowlisted (a bot); co-authors and committers are not asked, as with
 * GitHub's DCO App. In {@code CLA_OR_DCO} mode a contributor the agreement does not cover passes when they signed off
 * every commit they appear in, in each role the check counts them in (author, co-author, committer if asked): the
 * certificate is theirs to give, so an author's sign-off never stands for a co-author. Pure.
 */
final class SignOffCoverage {

    private SignOffCoverage() {
    }

    /**
     * {@code DCO} mode: the commits of {@code result}'s uncovered rows that lack their author's sign-off, oldest
     * first. Merges never do; an allowlisted author's row is covered.
     */
    static List<CommitInfo> unsigned(List<CommitInfo> commits, CheckResult result) {
        List<Contributor> uncovered = result.rows().stream().filter(r -> !r.coverage().covered())
                .map(CheckResult.Row::contributor).toList();
        return commits.stream().filter(DcoSignOffs::lacksAuthorSignOff)
                .filter(c -> uncovered.stream().anyMatch(u -> u.shas().contains(c.sha()) && is(u, c.author())))
                .toList();
    }

    /**
     * {@code DCO} mode: each contributor who authored a commit, covered by the allowlist, or by their sign-offs when
     * every commit they authored has one.
     */
    static Function<Contributor, Coverage> authors(List<CommitInfo> commits, Allowlist allowlist, Instant now) {
        Set<String> lacking = commits.stream().filter(DcoSignOffs::lacksAuthorSignOff).map(CommitInfo::sha)
                .collect(Collectors.toSet());
        return contributor -> {
            Coverage allowlisted = CoverageRules.evaluate(allowlist, version -> false,
                    new CoverageSubject(contributor.githubId(), contributor.login(), contributor.emails()), List.of(),
                    now);
            if (allowlisted.covered()) {
                return allowlisted;
            }
            long missing = authored(contributor, commits).stream().filter(c -> lacking.contains(c.sha())).count();
            return missing == 0
                    ? Coverage.signedOff("signed off every commit (DCO)")
                    : Coverage.none(missing + " commit" + (missing == 1 ? "" : "s")
                            + " without a Signed-off-by trailer matching the author");
        };
    }

    /** The contributors who authored at least one commit other than a merge, in order. */
    static List<Contributor> authorsOf(List<Contributor> contributors, List<CommitInfo> commits) {
        return contributors.stream().filter(c -> !authored(c, commits).isEmpty()).toList();
    }

    /**
     * {@code CLA_OR_DCO} mode: the agreement's answer when it covers the contributor, else a sign-off coverage when
     * they signed off every appearance, else the agreement's answer.
     */
    static Function<Contributor, Coverage> either(Function<Contributor, Coverage> agreement, List<CommitInfo> commits,
            boolean includeCommitters) {
        Map<String, CommitInfo> bySha = commits.stream()
                .collect(Collectors.toMap(CommitInfo::sha, c -> c, (a, b) -> a));
        return contributor -> {
            Coverage answer = agreement.apply(contributor);
            if (answer.covered()) {
                return answer;
            }
            if (!signedOffEverywhere(contributor, bySha, includeCommitters)) {
                return new Coverage(false, Coverage.By.NONE, answer.reason()
                        + ", and not every commit of theirs is signed off", null, null, answer.heldVersion());
            }
            return Coverage.signedOff("signed off every commit of theirs (DCO) instead of signing the agreement");
        };
    }

    static boolean signedOffEverywhere(Contributor contributor, Map<String, CommitInfo> bySha,
            boolean includeCommitters) {
        for (String sha : contributor.shas()) {
            CommitInfo commit = bySha.get(sha);
            if (commit == null) {
                return false;
            }
            if (commit.merge()) {
                continue;
            }
            List<GitActor> appearances = new ArrayList<>();
            if (is(contributor, commit.author())) {
                appearances.add(commit.author());
            }
            for (CoAuthors.CoAuthor coAuthor : CoAuthors.parse(commit.message())) {
                if (contributor.emails().contains(coAuthor.email())) {
                    appearances.add(GitActor.unlinked(coAuthor.name(), coAuthor.email()));
                }
            }
            GitActor committer = commit.committer();
            if (includeCommitters && committer != null && !committer.isWebFlow() && is(contributor, committer)) {
                appearances.add(committer);
            }
            // Seen in the commit but not recognised in any role: nothing to say they certified it.
            if (appearances.isEmpty() || !appearances.stream().allMatch(a -> DcoSignOffs.signedOffBy(commit, a))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The parent the pull request's commits start from (the oldest commit's first parent outside them), for
     * {@code git rebase --signoff}; {@code fallback} (the base branch's head) when GitHub did not say.
     */
    static String rebaseBase(List<CommitInfo> commits, String fallback) {
        Set<String> own = new HashSet<>();
        commits.forEach(c -> own.add(c.sha()));
        for (CommitInfo commit : commits) {
            for (String parent : commit.parents()) {
                if (!own.contains(parent)) {
                    return parent;
                }
            }
        }
        return fallback;
    }

    private static List<CommitInfo> authored(Contributor contributor, List<CommitInfo> commits) {
        Set<String> shas = new HashSet<>(contributor.shas());
        return commits.stream().filter(c -> !c.merge() && shas.contains(c.sha()) && is(contributor, c.author()))
                .toList();
    }

    /** Whether the actor is the contributor: the account GitHub linked, else the address. */
    private static boolean is(Contributor contributor, GitActor actor) {
        if (actor.githubId() != null && contributor.githubId() != null) {
            return actor.githubId().equals(contributor.githubId());
        }
        String email = actor.email() == null ? "" : actor.email().strip().toLowerCase(Locale.ROOT);
        return contributor.emails().contains(email)
                || contributor.githubId() != null && NoReplyEmail.parse(email).map(NoReplyEmail::githubId)
                        .map(contributor.githubId()::equals).orElse(false);
    }
}
