package dev.covenant.web;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

import dev.covenant.api.Sha256;
import dev.covenant.identity.Person;
import dev.covenant.jdbc.Rows;

/** Opens, finds and closes browser sessions, kept in the database so any instance can serve any request. */
@ApplicationScoped
@Transactional
public class WebSessions {

    public static final String COOKIE = "covenant_session";
    static final Duration LIFETIME = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final AgroalDataSource dataSource;

    WebSessions(Clock clock, AgroalDataSource dataSource) {
        this.clock = clock;
        this.dataSource = dataSource;
    }

    /** The signed-in person behind a session cookie, and the token their forms must carry. */
    public record SignedIn(Person person, String csrfToken) {
    }

    /** Opens a session and returns the raw id for the cookie; only its hash is stored. */
    public String open(Person person) {
        String raw = randomToken();
        WebSession session = new WebSession();
        session.idHash = Sha256.hex(raw);
        session.githubId = person.githubId;
        session.csrfToken = randomToken();
        session.createdAt = Instant.now(clock);
        session.expiresAt = session.createdAt.plus(LIFETIME);
        session.persist();
        return raw;
    }

    /**
     * One query on a connection of its own, no transaction: every request of a signed-in person asks it, and two
     * hundred of them at once should not queue on more than that. The person comes back detached, as it always did.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<SignedIn> find(String rawId) {
        if (rawId == null || rawId.isBlank() || rawId.length() > 100) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            return Rows.list(c, "SELECT p.github_id, p.login, p.name, p.first_seen_at, p.updated_at, s.csrf_token"
                    + " FROM web_session s JOIN person p ON p.github_id = s.github_id"
                    + " WHERE s.id_hash = ? AND s.expires_at >= ?", rs -> {
                        Person person = new Person();
                        person.githubId = rs.getLong(1);
                        person.login = rs.getString(2);
                        person.name = rs.getString(3);
                        person.firstSeenAt = Rows.instant(rs, "first_seen_at");
                        person.updatedAt = Rows.instant(rs, "updated_at");
                        return new SignedIn(person, rs.getString(6));
                    }, Sha256.hex(rawId), Instant.now(clock)).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the session failed: " + e.getMessage(), e);
        }
    }

    public void close(String rawId) {
        if (rawId != null && !rawId.isBlank()) {
            WebSession.deleteById(Sha256.hex(rawId));
        }
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
