package dev.covenant.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.covenant.github.RepositoryPermissions;

/**
 * GitHub's answers to "does this person maintain owner/repo?", kept with the person's identity, which lives for one
 * request: GitHub is asked at most once per repository and request, however many checks need the answer (the
 * permission on the endpoint, then the page deciding what to show). A failure is not kept.
 */
final class MaintainedRepositories {

    static final String ATTRIBUTE = "covenant.maintained";

    private final RepositoryPermissions permissions;
    private final String login;
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    MaintainedRepositories(RepositoryPermissions permissions, String login) {
        this.permissions = permissions;
        this.login = login;
    }

    boolean maintains(String owner, String repo) {
        String repository = owner + "/" + repo;
        return answers.computeIfAbsent(repository.toLowerCase(Locale.ROOT),
                key -> permissions.maintains(repository, login));
    }
}
