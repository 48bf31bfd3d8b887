package dev.covenant.relicensing.history;

import static dev.covenant.Api.admin;
import static dev.covenant.inbox.DeliveryWorkerTest.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.covenant.Sql;

/**
 * Imports that an instance left RUNNING when it stopped (its lease run out): whichever instance claims them next
 * starts them again, from a new clone or from the upload stored in the database, which is deleted once the import
 * ends; an upload that is not stored fails saying to upload again. None stays RUNNING.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryImportResumeTest {

    @Inject
    HistoryUploads uploads;

    final String owner = "resume-" + UUID.randomUUID().toString().substring(0, 8);
    GitRepo repo;
    String log;

    @BeforeEach
    void buildRepository() throws IOException {
        if (repo != null) {
            return;
        }
        repo = new GitRepo();
        repo.write("README.md", "hello\n");
        repo.commit("Ada Lovelace", "ada@" + owner + ".example", "First");
        repo.write("README.md", "hello\nworld\n");
        repo.commit("Grace Hopper", "grace@" + owner + ".example", "Second");
        repo.write("NOTES.md", "notes\n");
        repo.commit("Ada Lovelace", "ada@" + owner + ".example", "Third");
        log = repo.git(HistoryImportTest.LOG_ARGS);
    }

    /** An import as an instance that stopped while it ran left it; its id. */
    private static String abandoned(String repository, String source, String cloneUrl, Long upload)
            throws SQLException {
        // Both rows in one statement, as the service writes them in one transaction: a runner never sees the job alone.
        String id = Sql.text("WITH job AS (INSERT INTO job (kind, state, run_after, attempts, lease_owner, lease_until,"
                + " phase, done, created_at, started_at, updated_at) VALUES ('import', 'RUNNING', now(), 1, 'an instance"
                + " that stopped', now() - interval '1 second', 'READING', 1, now(), now(), now()) RETURNING id)"
                + " INSERT INTO history_import (job_id, repository, source, clone_url, upload_id) SELECT id, ?, ?, ?, ?"
                + " FROM job RETURNING id", repository, source, cloneUrl, upload);
        Sql.text("SELECT pg_notify('covenant_jobs', '')::text");
        return id;
    }

    private String path(String name, String id) {
        return "/api/repos/" + owner + "/" + name + "/history/" + id;
    }

    private void awaitEnd(String name, String id) {
        await("import " + id + " to end", () -> !admin().get(path(name, id)).jsonPath().getString("state")
                .matches("QUEUED|RUNNING"));
    }

    private String contributions(String name) throws SQLException {
        return Sql.text("SELECT count(*) FROM contribution WHERE repository = ?", owner + "/" + name);
    }

    @Test
    void aCloneImportWhoseInstanceStoppedIsClonedAgainAndFinishes() throws SQLException {
        String id = abandoned(owner + "/cloned", "CLONE", repo.dir.toUri().toString(), null);
        awaitEnd("cloned", id);
        admin().get(path("cloned", id)).then().statusCode(200).body("state", equalTo("DONE"))
                .body("commitsDone", equalTo(3)).body("commitsTotal", equalTo(3)).body("commitsAdded", equalTo(3));
        assertEquals("3", contributions("cloned"));
        assertEquals("2", Sql.text("SELECT j.attempts FROM history_import h JOIN job j ON j.id = h.job_id"
                + " WHERE h.id = ?::bigint", id), "claimed once by the stopped instance, once by this one");
    }

    @Test
    void aStoredUploadIsReadAgainByWhoeverClaimsItAndDeletedOnceDone() throws IOException, SQLException {
        HistoryUploads.Stored upload = uploads.store(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
                1 << 20);
        String id = abandoned(owner + "/uploaded", "TEXT", null, upload.id());
        awaitEnd("uploaded", id);
        admin().get(path("uploaded", id)).then().statusCode(200).body("state", equalTo("DONE"))
                .body("commitsAdded", equalTo(3));
        assertEquals("3", contributions("uploaded"));
        assertEquals("0", Sql.text("SELECT count(*) FROM history_upload WHERE id = ?", upload.id()),
                "the import deletes its upload once it is done");
        assertEquals("0", Sql.text("SELECT count(*) FROM history_upload_chunk WHERE upload_id = ?", upload.id()));
        assertEquals(null, Sql.text("SELECT upload_id FROM history_import WHERE id = ?::bigint", id));
    }

    @Test
    void anUploadThatIsNotStoredFailsSayingToUploadAgain() throws SQLException {
        String id = abandoned(owner + "/lost", "TEXT", null, null);
        awaitEnd("lost", id);
        admin().get(path("lost", id)).then().statusCode(200).body("state", equalTo("FAILED"))
                .body("error.message", equalTo(HistoryImporter.UPLOAD_GONE));
        assertEquals("0", contributions("lost"));
    }

    @Test
    void aMalformedStoredUploadFailsAndIsDeletedToo() throws IOException, SQLException {
        HistoryUploads.Stored upload = uploads.store(new ByteArrayInputStream(
                "commit 123\nnot a header\n".getBytes(StandardCharsets.UTF_8)), 1 << 20);
        String id = abandoned(owner + "/malformed", "TEXT", null, upload.id());
        awaitEnd("malformed", id);
        admin().get(path("malformed", id)).then().statusCode(200).body("state", equalTo("FAILED"));
        assertEquals("0", Sql.text("SELECT count(*) FROM history_upload WHERE id = ?", upload.id()),
                "a failed import deletes its upload as well");
    }
}
