package dev.covenant.commentsigning;

import static dev.covenant.inbox.DeliveryWorkerTest.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Api;
import dev.covenant.Sql;
import dev.covenant.checks.PullRequestChecksTest;
import dev.covenant.github.FakeCheckRun;
import dev.covenant.github.FakeComment;
import dev.covenant.github.FakeCommit;
import dev.covenant.github.FakeGitHub;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.github.FakePullRequest;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;
import dev.covenant.inbox.DeliveryWorkerTest;
import dev.covenant.ledger.LedgerVerifier;

/**
 * Signing by comment through the webhook path: signed deliveries in, the worker, the real database, and the fake
 * GitHub that serves the pull request and records the check runs and comments.
 */
@QuarkusTest
class SignByCommentTest {

    private static final AtomicLong IDS = new AtomicLong(7_000_000 + (System.nanoTime() % 1_000_000));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHRASE = "I have read the CLA Document and I hereby sign the CLA";

    @Inject
    LedgerVerifier verifier;

    private static FakeGitHub github() {
        return FakeGitHubResource.fake();
    }

    private static Map<String, Object> version(String version, String text) {
        return Map.of("version", version, "text", text, "fields", List.of(), "terms", Map.of("grant", "LICENSE",
                "sublicensable", true, "coversPriorContributions", true, "patentGrant", true, "outboundPolicy",
                "SAME_OR_OSI", "outboundLicenses", List.of()));
    }

    /** An agreement without form fields, its 1.0.0 published. */
    private static String agreement() {
        String slug = "by-comment-" + UUID.randomUUID().toString().substring(0, 8);
        Api.admin().body(Map.of("slug", slug, "title", "Comment CLA", "kind", "INDIVIDUAL", "firstVersion",
                version("1.0.0", "Text of " + slug))).post("/api/agreements").then().statusCode(201);
        return slug;
    }

    /** An installed repository linked to {@code slug} with these extra project settings (JSON members). */
    private static FakeRepo repository(String slug, String settings) {
        long id = IDS.incrementAndGet();
        String owner = "bycomment" + id;
        github().addInstallation(id, owner);
        FakeRepo repo = github().addRepository(id, owner + "/widget", id);
        Api.admin().body("{\"owner\":\"" + owner + "\",\"repo\":\"widget\",\"agreement\":\"" + slug + "\"" + settings
                + "}").post("/api/projects").then().statusCode(201);
        return repo;
    }

    private static FakeCommit commitBy(String login) {
        return FakeCommit.by("Person " + login, login + "@example.org", "Change by " + login);
    }

    private static FakeCheckRun redRun(FakeRepo repo, FakePullRequest pr) {
        PullRequestChecksTest.deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));
        await("the check run", () -> repo.checkRuns(pr.headSha()).stream().anyMatch(r -> "failure".equals(r
                .conclusion())) && !repo.comments(1).isEmpty());
        return repo.checkRuns(pr.headSha()).get(0);
    }

    /** Writes the comment on pull request 1, delivers it and waits until the worker is done with it; its payload. */
    private static String comment(FakeRepo repo, String login, String body) {
        String payload = FakeWebhooks.issueComment(repo, 1, login, body);
        deliver(payload);
        return payload;
    }

    private static void deliver(String payload) {
        String id = PullRequestChecksTest.deliver("issue_comment", payload);
        await("the comment's delivery", DeliveryWorkerTest.stateIs(id, "DONE"));
    }

    private static int signaturesOf(String login) {
        return Integer.parseInt(Sql.textUnchecked("SELECT count(*) FROM signature s JOIN person p"
                + " ON p.github_id = s.github_id WHERE p.login = ?", login));
    }

    private static String sha256(String slug, String version) {
        return Sql.textUnchecked("SELECT v.sha256 FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id"
                + " WHERE a.slug = ? AND v.version = ?", slug, version);
    }

    @Test
    void aContributorWhoCommentsThePhraseSignsTheVersionTheCommentShowedAndTheCheckTurnsGreen() throws Exception {
        String slug = agreement();
        FakeRepo repo = repository(slug, ",\"signByComment\":true");
        String ada = PullRequestChecksTest.user("ada");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        FakeCheckRun red = redRun(repo, pr);
        String asked = repo.comments(1).get(0).body();
        assertTrue(asked.contains("`` " + PHRASE + " ``"), asked);
        assertTrue(asked.contains("<!-- covenant:sign-by-comment sha256=" + sha256(slug, "1.0.0") + " -->"), asked);

        // A minor version published meanwhile is accepted too, but the comment showed 1.0.0: that is what is signed.
        Api.admin().body(version("1.1.0", "Newer text of " + slug)).post("/api/agreements/" + slug + "/versions")
                .then().statusCode(201);
        String payload = comment(repo, ada, "\n  i have read the CLA document and I hereby  sign the CLA \n");
        await("the check to turn green", () -> "success".equals(repo.checkRuns(pr.headSha()).get(0).conclusion()));
        assertEquals(red.id(), repo.checkRuns(pr.headSha()).get(0).id());
        await("the comment to turn green", () -> repo.comments(1).get(0).body().contains("✅"));

        assertEquals(1, signaturesOf(ada));
        String signed = Sql.textUnchecked("SELECT v.version FROM signature s JOIN agreement_version v"
                + " ON v.id = s.agreement_version_id JOIN person p ON p.github_id = s.github_id WHERE p.login = ?",
                ada);
        assertEquals("1.0.0", signed);
        FakeComment phrase = repo.comments(1).get(1);
        JsonNode evidence = JSON.readTree(Sql.textUnchecked("SELECT s.signed_by_comment FROM signature s JOIN person p"
                + " ON p.github_id = s.github_id WHERE p.login = ?", ada));
        assertEquals(phrase.id(), evidence.get("id").asLong());
        assertTrue(evidence.get("url").asText().endsWith("/pull/1#issuecomment-" + phrase.id()), evidence.toString());
        assertEquals(repo.fullName(), evidence.get("repository").asText());
        JsonNode event = JSON.readTree(Sql.textUnchecked("SELECT e.event FROM ledger_entry e JOIN signature s"
                + " ON s.ledger_seq = e.seq JOIN person p ON p.github_id = s.github_id WHERE p.login = ?", ada));
        assertEquals(evidence, event.get("comment"));
        assertEquals(sha256(slug, "1.0.0"), event.get("sha256").asText());
        assertTrue(verifier.verify().intact(), "the ledger verifies");
        JsonNode exported = JSON.readTree(Api.admin().get("/api/agreements/" + slug + "/signatures").then()
                .statusCode(200).extract().asString()).get(0);
        assertEquals(evidence, exported.get("comment"), "the export says which comment signed");

        // The same comment handled again (as after a crash), and the phrase again: still one signature, no answer.
        deliver(payload);
        comment(repo, ada, PHRASE);
        assertEquals(1, signaturesOf(ada));
        assertEquals(3, repo.comments(1).size(), "Covenant's comment and Ada's two");
        assertTrue(verifier.verify().intact());
    }

    @Test
    void someoneWhoseCommitsAreNotInThePullRequestSignsNothingAndIsToldWhy() {
        String slug = agreement();
        FakeRepo repo = repository(slug, ",\"signByComment\":true,\"signByCommentPhrase\":\"I sign the CLA\"");
        String ada = PullRequestChecksTest.user("ada");
        String bob = PullRequestChecksTest.user("bob");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        redRun(repo, pr);
        assertTrue(repo.comments(1).get(0).body().contains("`` I sign the CLA ``"));

        String payload = comment(repo, bob, "I sign the CLA");
        assertEquals(0, signaturesOf(bob));
        List<FakeComment> comments = repo.comments(1);
        assertEquals(3, comments.size(), comments.toString());
        String reply = comments.get(2).body();
        assertTrue(reply.contains("your comment signed nothing"), reply);
        assertTrue(reply.contains("none of its commits is yours"), reply);
        assertTrue(reply.contains("/agreements/" + slug + "?repo="), reply);

        // The same comment handled again (as after a crash) is not answered twice.
        deliver(payload);
        assertEquals(3, repo.comments(1).size());
        assertEquals(0, signaturesOf(bob));
        assertEquals("failure", repo.checkRuns(pr.headSha()).get(0).conclusion());
    }

    @Test
    void withoutSignByCommentOrWithAnotherPhraseACommentSignsNothing() {
        String slug = agreement();
        FakeRepo off = repository(slug, "");
        String ada = PullRequestChecksTest.user("ada");
        FakePullRequest pr = off.openPullRequest(1, ada, List.of(commitBy(ada)));
        redRun(off, pr);
        assertFalse(off.comments(1).get(0).body().contains("covenant:sign-by-comment"));
        comment(off, ada, PHRASE);
        assertEquals(0, signaturesOf(ada));
        assertEquals(2, off.comments(1).size(), "no answer");

        FakeRepo on = repository(slug, ",\"signByComment\":true");
        String bea = PullRequestChecksTest.user("bea");
        FakePullRequest second = on.openPullRequest(1, bea, List.of(commitBy(bea)));
        redRun(on, second);
        comment(on, bea, PHRASE + ", thanks!");
        comment(on, bea, "Sure.\n" + PHRASE);
        assertEquals(0, signaturesOf(bea));
        assertEquals(3, on.comments(1).size(), "no answer");
        assertEquals("failure", on.checkRuns(second.headSha()).get(0).conclusion());
    }

    @Test
    void aVersionPublishedLaterWithRequiredFieldsIsNotSignedByCommentAndTheAnswerSaysWhy() {
        String slug = agreement();
        FakeRepo repo = repository(slug, ",\"signByComment\":true");
        Api.admin().body(Map.of("version", "2.0.0", "text", "Second text of " + slug, "fields",
                List.of(Map.of("name", "name", "label", "Full name", "type", "TEXT", "required", true)), "terms",
                version("2.0.0", "").get("terms"))).post("/api/agreements/" + slug + "/versions").then()
                .statusCode(201);
        String ada = PullRequestChecksTest.user("ada");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        redRun(repo, pr);
        assertTrue(repo.comments(1).get(0).body().contains(sha256(slug, "2.0.0")));

        comment(repo, ada, PHRASE);
        assertEquals(0, signaturesOf(ada));
        List<FakeComment> comments = repo.comments(1);
        assertEquals(3, comments.size(), comments.toString());
        assertTrue(comments.get(2).body().contains("version 2.0.0 of **Comment CLA** asks for details"),
                comments.get(2).body());
    }

    @Test
    void anAgreementWithRequiredFormFieldsCannotBeSignedByComment() {
        // The shipped individual agreement asks for a name and an address.
        String owner = "bycomment" + IDS.incrementAndGet();
        Api.admin().body(Map.of("owner", owner, "agreement", "individual", "signByComment", true))
                .post("/api/projects").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("signByComment"));
        long id = Api.admin().body(Map.of("owner", owner, "agreement", "individual")).post("/api/projects").then()
                .statusCode(201).body("signByComment", equalTo(false)).body("signByCommentPhrase", equalTo(PHRASE))
                .extract().jsonPath().getLong("id");
        Api.admin().body(Map.of("signByComment", true)).put("/api/projects/" + id + "/settings").then()
                .statusCode(400).body("errors[0].field", equalTo("signByComment"));
        Api.admin().get("/api/projects/" + id).then().statusCode(200).body("signByComment", equalTo(false));
        Api.admin().body(Map.of("signByCommentPhrase", "two\nlines")).put("/api/projects/" + id + "/settings").then()
                .statusCode(400).body("errors[0].field", equalTo("signByCommentPhrase"));
    }
}
