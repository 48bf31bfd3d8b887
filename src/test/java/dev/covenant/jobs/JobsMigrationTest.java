package dev.covenant.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.embedded.EmbeddedDatabaseTestResource;

/**
 * V12 on a database as the service left it at V11, in a database of its own on the test server: the state of every
 * import and blame moves to its job, work under way is queued again where it can be (a clone) and failed where it
 * cannot (an upload whose file was never recorded), and pending re-evaluation deliveries become jobs, one per pull
 * request.
 */
@QuarkusTest
class JobsMigrationTest {

    private final String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
    private String url;

    @BeforeEach
    void createDatabase() throws SQLException {
        try (Connection c = Sql.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        url = EmbeddedDatabaseTestResource.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection c = Sql.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + name + " WITH (FORCE)");
        }
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").target(target).load()
                .migrate();
    }

    private String text(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void run(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void workUnderWayAtTheUpgradeIsQueuedAgainOrFailedWithAReason() throws SQLException {
        migrate("11");
        run("INSERT INTO history_import (repository, source, clone_url, state, phase, commits_done, commits_total,"
                + " bytes_read, bytes_total, commits_added, rate, created_at, started_at, updated_at, finished_at, error,"
                + " error_line, error_text) VALUES"
                + " ('a/done', 'TEXT', NULL, 'DONE', NULL, 7, 7, 900, 900, 5, 3.5, now(), now(), now(), now(), NULL,"
                + " NULL, NULL),"
                + " ('a/bad', 'TEXT', NULL, 'FAILED', NULL, 2, 7, 100, 900, NULL, 1.0, now(), now(), now(), now(),"
                + " 'bad date', 12, 'AuthorDate: yesterday'),"
                + " ('a/clone', 'CLONE', 'https://example.org/a.git', 'RUNNING', 'READING', 3, 10, 0, NULL, NULL, 1.0,"
                + " now(), now(), now(), NULL, NULL, NULL, NULL),"
                + " ('a/upload', 'TEXT', NULL, 'RUNNING', 'READING', 3, 10, 50, 900, NULL, 1.0, now(), now(), now(),"
                + " NULL, NULL, NULL, NULL)");
        run("INSERT INTO blame_job (repository, clone_url, revision, commit_sha, state, phase, files_done, files_total,"
                + " files_skipped, lines, created_at, started_at, updated_at, finished_at) VALUES"
                + " ('a/done', 'https://example.org/a.git', 'HEAD', 'abc', 'DONE', NULL, 4, 4, 1, 40, now(), now(),"
                + " now(), now()),"
                + " ('a/busy', 'https://example.org/a.git', 'HEAD', NULL, 'RUNNING', 'BLAMING', 2, 4, 0, 10, now(),"
                + " now(), now(), NULL)");
        String delivery = "INSERT INTO delivery (delivery_id, event, action, repository, payload, received_at, state,"
                + " attempts, next_attempt_at) VALUES ('%s', '%s', '%s', 'a/pr', convert_to('%s', 'UTF8'), now(), '%s',"
                + " 0, now())";
        run(delivery.formatted("r1", "covenant_reevaluate", "signature",
                "{\"repository\":\"a/pr\",\"number\":1,\"cause\":\"signature\"}", "PENDING"));
        run(delivery.formatted("r2", "covenant_reevaluate", "approval",
                "{\"repository\":\"a/pr\",\"number\":1,\"cause\":\"approval\"}", "PENDING"));
        run(delivery.formatted("r3", "covenant_reevaluate", "reconcile",
                "{\"repository\":\"a/pr\",\"number\":2,\"cause\":\"reconcile\"}", "PROCESSING"));
        run(delivery.formatted("r4", "covenant_reevaluate", "signature",
                "{\"repository\":\"a/pr\",\"number\":3,\"cause\":\"signature\"}", "DONE"));
        run(delivery.formatted("p1", "pull_request", "opened", "{}", "PENDING"));

        migrate("12");

        String imports = "SELECT string_agg(h.repository || ' ' || j.state || ' ' || j.done || '/' || j.total || ' '"
                + " || coalesce(j.error, '-') || ' ' || coalesce(h.error_line::text, '-'), '; ' ORDER BY h.id)"
                + " FROM history_import h JOIN job j ON j.id = h.job_id";
        assertEquals("a/done DONE 7/7 - -; a/bad FAILED 2/7 bad date 12; a/clone QUEUED 3/10 - -; a/upload FAILED 3/10"
                + " interrupted: the service was upgraded during this import and the uploaded history is gone; upload"
                + " it again (commits already imported are skipped) -", text(imports));
        assertEquals("a/done DONE 4/4 40; a/busy QUEUED 2/4 10", text("SELECT string_agg(b.repository || ' ' || j.state"
                + " || ' ' || j.done || '/' || j.total || ' ' || b.lines, '; ' ORDER BY b.id) FROM blame_job b"
                + " JOIN job j ON j.id = b.job_id"));
        assertEquals("a/pr#1 signature QUEUED; a/pr#2 reconcile QUEUED", text("SELECT string_agg(dedupe_key || ' '"
                + " || (payload ->> 'cause') || ' ' || state, '; ' ORDER BY dedupe_key) FROM job"
                + " WHERE kind = 'reevaluate'"));
        assertEquals("2", text("SELECT payload ->> 'number' FROM job WHERE dedupe_key = 'a/pr#2'"));
        assertEquals("p1 PENDING; r1 DONE; r2 DONE; r3 DONE; r4 DONE", text("SELECT string_agg(delivery_id || ' '"
                + " || state, '; ' ORDER BY delivery_id) FROM delivery"));
    }
}
