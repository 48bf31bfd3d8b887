package dev.covenant.relicensing.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;

/**
 * Uploads kept in PostgreSQL: stored in 1 MiB chunks as they arrive and read back byte for byte, refused (and
 * deleted) when too large or holding a NUL byte, and swept once no import needs them.
 */
@QuarkusTest
class HistoryUploadsTest {

    @Inject
    HistoryUploads uploads;

    /** {@code commits} commits of git log text, about 120 bytes each. */
    private static byte[] history(int commits) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < commits; i++) {
            text.append("commit ").append(String.format("%040x", i)).append("\nAuthor: Ada <ada@example.org>\n\n")
                    .append("    commit message ").append(i).append(" mentions commit words\n\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String count(String sql, long id) throws SQLException {
        return Sql.text(sql, id);
    }

    @Test
    void aLargeUploadIsStoredInChunksAndReadBackWhole() throws IOException, SQLException {
        byte[] text = history(30_000);
        assertTrue(text.length > 3 * HistoryUploads.CHUNK, "several chunks: " + text.length);
        HistoryUploads.Stored stored = uploads.store(new ByteArrayInputStream(text), 64 << 20);
        assertEquals(text.length, stored.bytes());
        assertEquals(30_000, stored.commits(), "indented message lines that say commit are not commits");
        int chunks = (text.length + HistoryUploads.CHUNK - 1) / HistoryUploads.CHUNK;
        assertEquals(String.valueOf(chunks),
                count("SELECT count(*) FROM history_upload_chunk WHERE upload_id = ?", stored.id()));
        assertEquals(String.valueOf(HistoryUploads.CHUNK), count("SELECT max(octet_length(data))"
                + " FROM history_upload_chunk WHERE upload_id = ?", stored.id()));
        try (InputStream in = uploads.open(stored.id())) {
            assertArrayEquals(text, in.readAllBytes());
        }
        uploads.delete(stored.id());
        assertEquals("0", count("SELECT count(*) FROM history_upload_chunk WHERE upload_id = ?", stored.id()));
    }

    @Test
    void anUploadMissingAChunkIsNotReadAsAShorterHistory() throws IOException, SQLException {
        HistoryUploads.Stored stored = uploads.store(new ByteArrayInputStream(history(20_000)), 64 << 20);
        Sql.update("DELETE FROM history_upload_chunk WHERE upload_id = ? AND seq = 1", stored.id());
        try (InputStream in = uploads.open(stored.id())) {
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertTrue(e.getMessage().contains("lacks its chunk 1"), e.getMessage());
        } finally {
            uploads.delete(stored.id());
        }
    }

    @Test
    void anUploadOverTheLimitIsRefusedAndNothingStays() throws SQLException {
        String before = Sql.text("SELECT coalesce(max(id), 0) FROM history_upload");
        byte[] text = history(20_000);
        HistoryUploads.TooLargeException e = assertThrows(HistoryUploads.TooLargeException.class,
                () -> uploads.store(new ByteArrayInputStream(text), text.length - 1));
        assertEquals(text.length - 1, e.limit);
        assertEquals("0", Sql.text("SELECT count(*) FROM history_upload WHERE id > ?::bigint", before));
    }

    @Test
    void aNulByteIsRefusedNamingItsLineAndNothingStays() throws SQLException {
        String before = Sql.text("SELECT coalesce(max(id), 0) FROM history_upload");
        byte[] text = "commit 1\nAuthor: A <a@b>\n\n    bad \0 byte\n".getBytes(StandardCharsets.UTF_8);
        HistoryUploads.NulByteException e = assertThrows(HistoryUploads.NulByteException.class,
                () -> uploads.store(new ByteArrayInputStream(text), 1 << 20));
        assertEquals(4, e.line);
        assertEquals("0", Sql.text("SELECT count(*) FROM history_upload WHERE id > ?::bigint", before));
    }

    @Test
    void theSweepDeletesOnlyOldUploadsThatNoLiveImportNeeds() throws IOException, SQLException {
        long orphan = uploads.store(new ByteArrayInputStream(history(3)), 1 << 20).id();
        long recent = uploads.store(new ByteArrayInputStream(history(3)), 1 << 20).id();
        long queued = uploads.store(new ByteArrayInputStream(history(3)), 1 << 20).id();
        long ended = uploads.store(new ByteArrayInputStream(history(3)), 1 << 20).id();
        Sql.update("UPDATE history_upload SET touched_at = now() - interval '2 hours' WHERE id IN (?, ?, ?)", orphan,
                queued, ended);
        importOf(queued, "QUEUED");
        importOf(ended, "DONE");
        int deleted = uploads.deleteAbandoned(Instant.now().minusSeconds(3600));
        assertTrue(deleted >= 2, "at least the orphan and the ended import's: " + deleted);
        assertEquals("0", count("SELECT count(*) FROM history_upload WHERE id = ?", orphan));
        assertEquals("0", count("SELECT count(*) FROM history_upload_chunk WHERE upload_id = ?", orphan));
        assertEquals("0", count("SELECT count(*) FROM history_upload WHERE id = ?", ended));
        assertEquals("1", count("SELECT count(*) FROM history_upload WHERE id = ?", recent), "still arriving");
        assertEquals("1", count("SELECT count(*) FROM history_upload WHERE id = ?", queued), "its import waits");
        Sql.update("UPDATE job SET state = 'FAILED', error = 'test' WHERE id = (SELECT job_id FROM history_import"
                + " WHERE upload_id = ?)", queued);
        uploads.deleteAbandoned(Instant.now().minusSeconds(3600));
        assertEquals("0", count("SELECT count(*) FROM history_upload WHERE id = ?", queued), "its import ended");
        uploads.delete(recent);
        Sql.update("DELETE FROM history_import WHERE repository = 'sweep/test'");
        Sql.update("DELETE FROM job WHERE kind = 'test-not-run'");
    }

    /** An import of upload {@code upload} whose job is in {@code state}. */
    private static void importOf(long upload, String state) throws SQLException {
        Sql.text("WITH job AS (INSERT INTO job (kind, state, run_after, created_at, updated_at, finished_at)"
                + " VALUES ('test-not-run', ?, now(), now(), now(), CASE WHEN ? = 'DONE' THEN now() END) RETURNING id)"
                + " INSERT INTO history_import (job_id, repository, source, upload_id) SELECT id, 'sweep/test', 'TEXT',"
                + " ? FROM job RETURNING id", state, state, upload);
    }
}
