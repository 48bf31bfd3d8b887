package dev.covenant.relicensing.blame;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.covenant.Await;
import dev.covenant.Sql;
import dev.covenant.relicensing.history.GitRepo;

/**
 * A real repository, built with the git CLI (several authors, a .mailmap, lines rewritten by someone else, a
 * whitespace-only change, a rename, a block moved within a file, a binary file), blamed by the service and checked
 * line for line against {@code git blame -w -M}.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurvivingLinesTest {

    static final String MOVED = BlameFixture.MOVED;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String owner = "blame-" + run;
    final String domain = run + ".example";
    @Inject
    BlameJobs jobs;

    @Inject
    AgroalDataSource dataSource;

    BlameFixture fixture;
    GitRepo repo;
    String rewritten;
    String head;

    @BeforeEach
    void buildRepository() throws IOException {
        if (fixture == null) {
            fixture = new BlameFixture(domain);
            repo = fixture.repo;
            rewritten = fixture.rewritten;
            head = fixture.head;
        }
    }

    private String blamePath(String name) {
        return BlameFixture.blamePath(owner + "/" + name);
    }

    private Response blame(String name, String revision, boolean wait) {
        return fixture.blame(owner + "/" + name, revision, wait);
    }

    /** The stored counts of a repository at a commit, in {@link BlameExpectations}' shape, all dates summed. */
    private Map<String, Map<String, Long>> stored(String name, String commit) throws SQLException {
        return stored(name, commit, false);
    }

    /** The same with each row's date: {@link BlameExpectations#datedByPath}' shape. */
    private Map<String, Map<String, Long>> storedDated(String name, String commit) throws SQLException {
        return stored(name, commit, true);
    }

    private Map<String, Map<String, Long>> stored(String name, String commit, boolean dated) throws SQLException {
        Map<String, Map<String, Long>> rows = new TreeMap<>();
        try (Connection c = Sql.connect();
                PreparedStatement ps = c.prepareStatement("SELECT path, author_email,"
                        + " co_authors, lines, extract(epoch FROM authored_at)::bigint FROM surviving_lines"
                        + " WHERE repository = ? AND revision = ?")) {
            ps.setString(1, owner + "/" + name);
            ps.setString(2, commit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> coAuthors = Arrays.asList((String[]) rs.getArray(3).getArray());
                    String key = dated
                            ? BlameExpectations.datedKey(rs.getString(2), coAuthors, rs.getLong(5))
                            : BlameExpectations.key(rs.getString(2), coAuthors);
                    rows.computeIfAbsent(rs.getString(1), p -> new TreeMap<>()).merge(key, rs.getLong(4), Long::sum);
                }
            }
        }
        return rows;
    }

    @Test
    void survivingLinesAreWhatGitBlameSays() throws SQLException {
        BlameExpectations git = new BlameExpectations(repo, head);
        JsonPath job = blame("head", null, true).then().statusCode(200).body("state", equalTo("DONE"))
                .body("commit", equalTo(head)).body("revision", equalTo("HEAD"))
                .body("engine", equalTo("git " + GitBlame.version("git").orElseThrow())).extract().jsonPath();
        assertEquals(git.files.size(), job.getLong("filesTotal"));
        assertEquals(git.files.size(), job.getLong("filesDone"));
        assertEquals(1, job.getLong("filesSkipped"));
        assertEquals(java.util.Set.of("logo.png"), git.binary);

        // Blamed by git itself: the block Grace moved within the file is still Ada's (-M).
        Map<String, Map<String, Long>> stored = stored("head", head);
        String ada = "ada@" + domain + "|";
        String grace = "grace@" + domain + "|";
        assertEquals(Map.of(ada, 6L), stored.get(MOVED));
        assertEquals(git.byPath, stored);
        assertEquals(git.total(), job.getLong("lines"));
        // Each row carries the author date of the commit that wrote its lines, the date git blame gives them.
        assertEquals(git.datedByPath, storedDated("head", head));

        // The story behind the numbers: rewritten lines moved to Grace, re-indenting took nothing from anyone.
        assertEquals(Map.of(ada, 4L, grace, 3L), stored.get("src/Core.java"));
        assertEquals(Map.of(grace, 3L), stored.get("lib/Helpers.java"));
        assertEquals(Map.of("583231+octocat@users.noreply.github.com|alan@" + domain, 2L), stored.get("docs/guide.md"));
        assertEquals(List.of(), stored.values().stream().flatMap(m -> m.keySet().stream())
                .filter(k -> k.startsWith("zoe@")).toList(), "zoe's lines are all gone");
        assertEquals(List.of("logo.png|BINARY|8"), skipped("head", head));
    }

    @Test
    void anEarlierRevisionIsBlamedAsItWas() throws SQLException {
        BlameExpectations git = new BlameExpectations(repo, rewritten);
        blame("earlier", rewritten.substring(0, 10), true).then().statusCode(200).body("commit", equalTo(rewritten))
                .body("lines", equalTo((int) git.total()));
        assertEquals(git.byPath, stored("earlier", rewritten));
        blame("earlier", "main~4", true).then().statusCode(200).body("commit", equalTo(rewritten));
    }

    @Test
    void aJobRunsInTheBackgroundWithItsProgress() {
        Response accepted = blame("background", null, false);
        accepted.then().statusCode(202).body("state", oneOf("QUEUED", "RUNNING", "DONE")).body("cloneUrl",
                equalTo(repo.dir.toUri().toString()));
        String location = accepted.getHeader("Location");
        assertTrue(location.startsWith(blamePath("background") + "/"), location);
        JsonPath job = JsonPath.from(Await.until("the blame job to be DONE", Duration.ofSeconds(30),
                () -> admin().get(location).then().statusCode(200).extract().asString(),
                body -> "DONE".equals(JsonPath.from(body).getString("state"))));
        assertEquals(job.getLong("filesTotal"), job.getLong("filesDone"));
        admin().get(blamePath("background")).then().statusCode(200).body("id", hasItem(job.getInt("id")));
    }

    @Test
    void aJobWhoseInstanceStoppedIsTakenOverAndClonesAgain() throws Exception {
        // As an instance that stopped while it blamed leaves the job: RUNNING, its lease run out.
        // Both rows in one statement, as the service writes them in one transaction: a runner never sees the job alone.
        String id = Sql.text("WITH job AS (INSERT INTO job (kind, state, run_after, attempts, lease_owner, lease_until,"
                + " phase, created_at, started_at, updated_at) VALUES ('blame', 'RUNNING', now(), 1, 'an instance that"
                + " stopped', now() - interval '1 second', 'BLAMING', now(), now(), now()) RETURNING id)"
                + " INSERT INTO blame_job (job_id, repository, clone_url, revision) SELECT id, ?, ?, 'HEAD' FROM job"
                + " RETURNING id", owner + "/resumed", repo.dir.toUri().toString());
        String job = Sql.text("SELECT job_id FROM blame_job WHERE id = ?::bigint", id);
        Sql.text("SELECT pg_notify('covenant_jobs', '')::text");
        String location = blamePath("resumed") + "/" + id;
        JsonPath done = null;
        for (int i = 0; i < 200; i++) {
            done = admin().get(location).then().statusCode(200).extract().jsonPath();
            if (!done.getString("state").matches("QUEUED|RUNNING")) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("DONE", done.getString("state"), done.prettify());
        assertEquals(head, done.getString("commit"));
        assertEquals(new BlameExpectations(repo, head).byPath, stored("resumed", head));
        assertEquals("2", Sql.text("SELECT attempts FROM job WHERE id = ?::bigint", job));
    }

    @Test
    void aFailedJobLeavesThePreviousResult() throws Exception {
        blame("kept", null, true).then().statusCode(200).body("state", equalTo("DONE"));
        Map<String, Map<String, Long>> before = stored("kept", head);
        assertEquals(new BlameExpectations(repo, head).byPath.keySet(), before.keySet());

        Response unknown = blame("kept", "no-such-branch", true);
        unknown.then().statusCode(400).contentType("application/problem+json").body("field", equalTo("revision"));
        String notGit = java.nio.file.Files.createTempDirectory("not-a-repo-").toUri().toString();
        admin().queryParam("wait", true).body(Map.of("cloneUrl", notGit, "revision", head)).post(blamePath("kept"))
                .then().statusCode(400).body("field", equalTo("cloneUrl"));
        JsonPath failed = admin().get(blamePath("kept")).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("FAILED", "FAILED", "DONE"), failed.getList("state"));
        assertEquals(List.of("cloneUrl", "revision"), failed.getList("error.field"));
        assertTrue(failed.getString("[1].error.message").contains("no-such-branch"), failed.prettify());
        assertEquals(before, stored("kept", head));

        // A job that fails half-way through its files: what it staged goes with its transaction.
        try (Connection c = dataSource.getConnection(); SurvivingLinesLoader loader = SurvivingLinesLoader.open(c)) {
            loader.lines("half/way.c", Map.of(new LineCredit("x@y.example", List.of(), Instant.EPOCH), 7L));
        }
        assertEquals(before, stored("kept", head));
        // One that finishes replaces the whole result of that commit, files it no longer has included.
        List<String> coAuthors = List.of("a\"b@y.example", "c,d@y.example");
        Instant later = Instant.parse("2024-05-31T12:00:00Z");
        try (Connection c = dataSource.getConnection(); SurvivingLinesLoader loader = SurvivingLinesLoader.open(c)) {
            loader.lines("only.c", Map.of(new LineCredit("x@y.example", coAuthors, Instant.EPOCH), 7L,
                    new LineCredit("x@y.example", coAuthors, later), 2L));
            loader.replace(owner + "/kept", head, 5);
        }
        assertEquals(Map.of("only.c", Map.of("x@y.example|a\"b@y.example,c,d@y.example@0", 7L,
                "x@y.example|a\"b@y.example,c,d@y.example@" + later.getEpochSecond(), 2L)), storedDated("kept", head));
        assertEquals(List.of(""), skipped("kept", head));
    }

    @Test
    void onlyTheNewestBlamedRevisionsKeepTheirLines() throws Exception {
        String repository = owner + "/pruned";
        List<String> revisions = List.of("a".repeat(40), "b".repeat(40), "c".repeat(40));
        for (int i = 0; i < revisions.size(); i++) {
            // As a job does: the lines replaced first, then the job marked DONE.
            try (Connection c = dataSource.getConnection();
                    SurvivingLinesLoader loader = SurvivingLinesLoader.open(c)) {
                loader.lines("f.c", Map.of(new LineCredit("x@y.example", List.of(), Instant.EPOCH), 1L + i));
                loader.skipped("big.bin", "BINARY", 10);
                loader.replace(repository, revisions.get(i), 2);
            }
            String job = Sql.text("INSERT INTO job (kind, state, run_after, created_at, updated_at, finished_at)"
                    + " VALUES ('blame', 'DONE', now(), now(), now(), now() + make_interval(secs => ?)) RETURNING id",
                    i);
            Sql.update(
                    "INSERT INTO blame_job (job_id, repository, clone_url, revision, commit_sha) VALUES (?::bigint, ?,"
                            + " 'https://example.org/r.git', 'HEAD', ?)",
                    job, repository, revisions.get(i));
        }
        assertEquals("bbbbbbb,ccccccc", Sql.text("SELECT string_agg(DISTINCT left(revision, 7), ',') FROM"
                + " surviving_lines WHERE repository = ?", repository), "the two newest, the oldest deleted");
        assertEquals("bbbbbbb,ccccccc", Sql.text("SELECT string_agg(DISTINCT left(revision, 7), ',') FROM"
                + " surviving_skipped WHERE repository = ?", repository));
        assertTrue(jobs.newestDone(repository, "aaaa", 2).isEmpty(), "a revision whose lines are gone has no verdicts");
        assertEquals(revisions.get(1), jobs.newestDone(repository, "bbbb", 2).orElseThrow().commit());
        assertEquals(revisions.get(2), jobs.newestDone(repository, null, 2).orElseThrow().commit());
    }

    private List<String> skipped(String name, String commit) throws SQLException {
        return List.of(Sql
                .text("SELECT coalesce(string_agg(path || '|' || reason || '|' || bytes, ',' ORDER BY path), '')"
                        + " FROM surviving_skipped WHERE repository = ? AND revision = ?", owner + "/" + name, commit)
                .split(",", -1));
    }
}
