package dev.covenant.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.covenant.api.Sha256;
import dev.covenant.identity.Person;

/** Opens, finds and closes browser sessions, kept in the database so any instance can serve any request. */
@ApplicationScoped
@Transactional
public class WebSessions {

    public static final String COOKIE = "covenant_session";
    static final Duration LIFETIME = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    WebSessions(Clock clock) {
        this.clock = clock;
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

    public Optional<SignedIn> find(String rawId) {
        if (rawId == null || rawId.isBlank() || rawId.length() > 100) {
            return Optional.empty();
        }
        WebSession session = WebSession.findById(Sha256.hex(rawId));
        if (session == null || session.expiresAt.isBefore(Instant.now(clock))) {
            return Optional.empty();
        }
        return Person.<Person>findByIdOptional(session.githubId).map(p -> new SignedIn(p, session.csrfToken));
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
