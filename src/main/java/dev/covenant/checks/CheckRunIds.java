package dev.covenant.checks;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The external id Covenant gives each check run it creates, which GitHub hands back with a re-run request: which pull
 * request ({@code pull_request:42}) or which merge group's base ({@code merge_group:<sha>}) the run is for. Written and
 * read here only, so the two sides cannot drift apart.
 */
final class CheckRunIds {

    private static final String PULL_REQUEST = "pull_request:";
    private static final String MERGE_GROUP = "merge_group:";
    private static final Pattern PULL_REQUEST_ID = Pattern.compile(PULL_REQUEST + "(\\d{1,9})");

    private CheckRunIds() {
    }

    static String pullRequest(int number) {
        return PULL_REQUEST + number;
    }

    static String mergeGroup(String baseSha) {
        return MERGE_GROUP + baseSha;
    }

    /** The pull request's number a run's external id names; empty for any other id. */
    static Optional<Integer> pullRequestOf(String externalId) {
        Matcher m = PULL_REQUEST_ID.matcher(externalId == null ? "" : externalId);
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** The merge group's base sha a run's external id names; empty for any other id. */
    static Optional<String> mergeGroupOf(String externalId) {
        return externalId != null && externalId.startsWith(MERGE_GROUP)
                ? Optional.of(externalId.substring(MERGE_GROUP.length()))
                : Optional.empty();
    }
}
