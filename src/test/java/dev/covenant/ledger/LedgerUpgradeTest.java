package dev.covenant.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.embedded.EmbeddedDatabaseTestResource;

/**
 * A ledger written before V20, in a database of its own migrated only that far, then upgraded: its format-1 entries
 * keep verifying, format 2 starts after them, and its revocation and removal move into their own tables.
 */
@QuarkusTest
class LedgerUpgradeTest {

    private static final String SIGNATURE = UUID.randomUUID().toString();
    private static final String CORPORATE = UUID.randomUUID().toString();
    private static final Instant SIGNED = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant REVOKED = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void entriesWrittenBeforeV20KeepVerifyingAndStateChangesBecomeRows() throws SQLException, IOException {
        String name = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = EmbeddedDatabaseTestResource.jdbcUrl().replaceFirst("/[^/]+$", "/" + name);
        try (Connection admin = Sql.connect(); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        try {
            migrate(url, lastBeforeV20());
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                writeAsBeforeV20(c);
            }
            migrate(url, null);
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                assertEquals("6", text(c, "SELECT first_seq FROM ledger_format_start WHERE format = 2"));
                assertEquals("5", text(c, "SELECT count(*) FROM ledger_entry WHERE format = 1"));
                LedgerChain.Link previous = null;
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT * FROM ledger_entry ORDER BY seq")) {
                    while (rs.next()) {
                        LedgerChain.Link link = new LedgerChain.Link(rs.getLong("seq"), rs.getInt("format"),
                                rs.getString("kind"), rs.getString("event"), rs.getString("prev_hash"),
                                rs.getString("hash"), rs.getTimestamp("recorded_at").toInstant(), null, null, null);
                        assertNull(LedgerChain.breakIn(previous, link, 6), "entry " + link.seq());
                        previous = link;
                    }
                }
                assertEquals(REVOKED + "|2", text(c, "SELECT to_char(revoked_at AT TIME ZONE 'UTC',"
                        + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') || '|' || ledger_seq FROM signature_revocation"
                        + " WHERE signature_id = '" + SIGNATURE + "'"));
                assertEquals("7|5", text(c, "SELECT removed_by || '|' || ledger_seq FROM approval_removal"));
            }
        } finally {
            try (Connection admin = Sql.connect(); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE " + name + " WITH (FORCE)");
            }
        }
    }

    /** The newest migration before V20 in the project's folder (others may be added beside this one). */
    private static String lastBeforeV20() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("db", "migration"))) {
            return String.valueOf(files.map(f -> f.getFileName().toString()).filter(f -> f.matches("V[0-9]+__.*"))
                    .mapToInt(f -> Integer.parseInt(f.substring(1, f.indexOf("__")))).filter(v -> v < 20).max()
                    .orElseThrow());
        }
    }

    private static void migrate(String url, String target) {
        var config = Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration");
        (target == null ? config : config.target(target)).load().migrate();
    }

    /** What the service wrote before V20: format-1 entries, and revocations and removals as updates. */
    private static void writeAsBeforeV20(Connection c) throws SQLException {
        update(c,
                "INSERT INTO agreement (id, slug, title, kind, created_at) VALUES (1, 'old', 'Old', 'INDIVIDUAL', ?)");
        update(c, "INSERT INTO agreement_version (id, agreement_id, version, major, minor, patch, text, sha256,"
                + " published_at, grant_type, sublicensable, covers_prior_contributions, patent_grant,"
                + " outbound_policy) VALUES (1, 1, '1.0.0', 1, 0, 0, 'text', '" + "a".repeat(64) + "', ?, 'LICENSE',"
                + " true, false, true, 'ANY')");
        update(c, "INSERT INTO person (github_id, login, first_seen_at, updated_at) VALUES (7, 'ada', ?, ?)");
        String prev = LedgerChain.GENESIS;
        prev = entry(c, 1, prev, "signature.signed", event().put("signature", SIGNATURE));
        prev = entry(c, 2, prev, "signature.revoked", event().put("signature", SIGNATURE));
        prev = entry(c, 3, prev, "corporate.signed", event().put("corporateAgreement", CORPORATE));
        prev = entry(c, 4, prev, "corporate.approval.added", event().put("corporateAgreement", CORPORATE));
        entry(c, 5, prev, "corporate.approval.removed", event().put("approval", 1));
        update(c, "INSERT INTO signature (id, github_id, agreement_version_id, text_sha256, fields, signed_at,"
                + " ledger_seq, revoked_at, revocation_ledger_seq) VALUES ('" + SIGNATURE + "', 7, 1, 'x', '{}', ?, 1,"
                + " '" + REVOKED + "', 2)");
        update(c, "INSERT INTO corporate_agreement (id, agreement_version_id, company, signatory_github_id,"
                + " signatory_title, contact_email, fields, signed_at, ledger_seq) VALUES ('" + CORPORATE + "', 1,"
                + " 'Acme', 7, 'CTO', 'cto@acme.example', '{}', ?, 3)");
        update(c, "INSERT INTO approval (id, corporate_id, kind, value, valid_from, added_by, added_at, ledger_seq,"
                + " removed_at, removed_by) VALUES (1, '" + CORPORATE + "', 'DOMAIN', 'acme.example', '2024-01-01', 7,"
                + " ?, 4, now(), 7)");
    }

    private static ObjectNode event() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static String entry(Connection c, long seq, String prev, String kind, ObjectNode event)
            throws SQLException {
        String canonical = CanonicalJson.write(event);
        String hash = LedgerChain.hash(prev, seq, kind, canonical);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_entry (seq, kind, event, prev_hash, hash,"
                + " recorded_at) VALUES (?, ?, ?, ?, ?, now())")) {
            ps.setLong(1, seq);
            ps.setString(2, kind);
            ps.setString(3, canonical);
            ps.setString(4, prev);
            ps.setString(5, hash);
            ps.executeUpdate();
        }
        return hash;
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setObject(i, java.time.OffsetDateTime.ofInstant(SIGNED, java.time.ZoneOffset.UTC));
            }
            ps.executeUpdate();
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
