package dev.covenant.checks;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;

/** Remembers where the App is installed and which repositories each installation covers. */
@ApplicationScoped
public class InstallationHandler extends GitHubFaults {

    private final EntityManager em;
    private final Clock clock;

    InstallationHandler(EntityManager em, Clock clock) {
        this.em = em;
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
        if ("installation".equals(event) && "deleted".equals(action)) {
            em.createNativeQuery("UPDATE installation SET removed_at = ?2 WHERE id = ?1").setParameter(1, id)
                    .setParameter(2, now).executeUpdate();
            em.createNativeQuery("DELETE FROM installation_repository WHERE installation_id = ?1").setParameter(1, id)
                    .executeUpdate();
            return;
        }
        em.createNativeQuery("INSERT INTO installation (id, account, suspended, created_at) VALUES (?1, ?2, ?3, ?4) "
                + "ON CONFLICT (id) DO UPDATE SET account = CASE WHEN excluded.account = '' THEN installation.account ELSE excluded.account END, "
                + "suspended = excluded.suspended, removed_at = NULL")
                .setParameter(1, id).setParameter(2, account).setParameter(3, "suspend".equals(action))
                .setParameter(4, now).executeUpdate();
        if ("installation".equals(event) && "created".equals(action)) {
            add(id, payload.path("repositories"));
        }
        if ("installation_repositories".equals(event)) {
            add(id, payload.path("repositories_added"));
            for (JsonNode repo : payload.path("repositories_removed")) {
                em.createNativeQuery("DELETE FROM installation_repository WHERE installation_id = ?1 AND repo_id = ?2")
                        .setParameter(1, id).setParameter(2, repo.path("id").asLong()).executeUpdate();
            }
        }
    }

    private void add(long installationId, JsonNode repositories) {
        for (JsonNode repo : repositories) {
            em.createNativeQuery(
                    "INSERT INTO installation_repository (installation_id, repo_id, full_name) VALUES (?1, ?2, ?3) "
                            + "ON CONFLICT (installation_id, repo_id) DO UPDATE SET full_name = excluded.full_name")
                    .setParameter(1, installationId).setParameter(2, repo.path("id").asLong())
                    .setParameter(3, repo.path("full_name").asText()).executeUpdate();
        }
    }
}
