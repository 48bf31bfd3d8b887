package dev.covenant.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.covenant.api.Sha256;
import dev.covenant.jdbc.AdvisoryLocks;

/** Issues and checks API bearer tokens, and makes sure an operator can always reach the API on first start. */
@ApplicationScoped
public class ApiTokens {

    private static final Logger LOG = Logger.getLogger(ApiTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BOOTSTRAP_LOCK = "covenant.api-token.bootstrap";

    private final Clock clock;

    ApiTokens(Clock clock) {
        this.clock = clock;
    }

    /** The active token with this value, if any; only hashes are compared, as only hashes are stored. */
    @Transactional
    public Optional<ApiToken> find(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return ApiToken.findActiveByHash(Sha256.hex(token));
    }

    /**
     * Registers the configured admin token if it is not known yet; with none configured and no token at all,
     * generates one and prints it once, since only its hash is kept.
     */
    @Transactional
    public void bootstrap(Optional<String> configuredAdminToken) {
        // Instances started together on one database would each find no token and insert it; the lock makes the
        // second wait until the first has committed, then find it.
        ApiToken.getSession().doWork(c -> AdvisoryLocks.holdUntilTransactionEnds(c, BOOTSTRAP_LOCK));
        if (configuredAdminToken.isPresent()) {
            String hash = Sha256.hex(configuredAdminToken.get());
            if (ApiToken.findByHash(hash).isEmpty()) {
                store("admin (COVENANT_ADMIN_TOKEN)", hash);
                LOG.info("Registered the admin token from COVENANT_ADMIN_TOKEN");
            }
            return;
        }
        if (ApiToken.count() > 0) {
            return;
        }
        String token = "cov_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        store("admin (generated at first start)", Sha256.hex(token));
        LOG.warnf("%n%n    Generated the first admin API token; it is shown only this once:%n%n        %s%n%n"
                + "    Keep it safe, or set COVENANT_ADMIN_TOKEN to choose your own.%n", token);
    }

    private void store(String name, String hash) {
        ApiToken token = new ApiToken();
        token.name = name;
        token.tokenHash = hash;
        token.createdAt = Instant.now(clock);
        token.persist();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
