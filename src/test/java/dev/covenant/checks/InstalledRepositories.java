package dev.covenant.checks;

import java.util.List;

import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;
import dev.covenant.inbox.DeliveryWorkerTest;

/**
 * For tests outside this package: a repository on the fake GitHub whose App installation the service has received
 * (so that it can ask GitHub for people's roles on it), governed by a project on the shipped individual agreement.
 */
public final class InstalledRepositories {

    private InstalledRepositories() {
    }

    /** {@code settings} are extra members of the project's JSON, such as {@code "corporateAgreement":"corporate"}. */
    public static FakeRepo installed(String... settings) {
        FakeRepo repo = PullRequestChecksTest.repository(settings);
        String id = PullRequestChecksTest.deliver("installation",
                FakeWebhooks.installationCreated(repo.installationId(),
                        repo.fullName().split("/")[0], List.of(repo)));
        DeliveryWorkerTest.await("the installation", DeliveryWorkerTest.stateIs(id, "DONE"));
        return repo;
    }

    /** A fresh GitHub account with one verified address, {@code login@example.org}. */
    public static String user(String prefix) {
        return PullRequestChecksTest.user(prefix);
    }
}
