package dev.covenant.checks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.covenant.jdbc.Database;
import dev.covenant.jdbc.Rows;

/**
 * Remembers where the App is installed and which repositories each installation covers: one short transaction per
 * delivery, safe to repeat.
 */
@ApplicationScoped
public class InstallationHandler extends GitHubFaults {

    private final Database db;
    private final Clock clock;

    InstallationHandler(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Set<String> events() {
        return Set.of("installation", "installation_repositories");
    }

    @Override
    protected void act(String deliveryId, String event, String action, JsonNode payload) {
        JsonNode installation = payload.path("installation");
        if (!installation.path("id").canConvertToLong()) {
            throw new IllegalArgumentException("The payload names no installation id");
        }
        long id = installation.path("id").asLong();
        String account = installation.path("account").path("login").asText("");
        Instant now = Instant.now(clock);
        db.committed("installation " + id + " - " + event + " " + action, c -> {
            if ("installation".equals(event) && "deleted".equals(action)) {
                Rows.update(c, "UPDATE installation SET removed_at = ? WHERE id = ?", now, id);
                Rows.update(c, "DELETE FROM installation_repository WHERE installation_id = ?", id);
                return null;
            }
            Rows.update(c, "INSERT INTO installation (id, account, suspended, created_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET account = CASE WHEN excluded.account = ''"
                    + " THEN installation.account ELSE excluded.account END, suspended = excluded.suspended,"
                    + " removed_at = NULL", id, account, "suspend".equals(action), now);
            if ("installation".equals(event) && "created".equals(action)) {
                add(c, id, payload.path("repositories"));
            }
            if ("installation_repositories".equals(event)) {
                add(c, id, payload.path("repositories_added"));
                for (JsonNode repo : payload.path("repositories_removed")) {
                    Rows.update(c, "DELETE FROM installation_repository WHERE installation_id = ? AND repo_id = ?",
                            id, repo.path("id").asLong());
                }
            }
            return null;
        });
    }

    private static void add(Connection c, long installationId, JsonNode repositories) throws SQLException {
        for (JsonNode repo : repositories) {
            Rows.update(c, "INSERT INTO installation_repository (installation_id, repo_id, full_name) VALUES (?, ?, ?)"
                    + " ON CONFLICT (installation_id, repo_id) DO UPDATE SET full_name = excluded.full_name",
                    installationId, repo.path("id").asLong(), repo.path("full_name").asText());
        }
    }
}
