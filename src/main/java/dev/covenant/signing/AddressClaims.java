package dev.covenant.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import dev.covenant.CovenantConfig;
import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.Sha256;
import dev.covenant.identity.Person;
import dev.covenant.jdbc.Rows;
import dev.covenant.ledger.Ledger;

/**
 * A signed-in person claims a commit address by entering the one-time code mailed there; a verified claim makes the
 * address theirs everywhere, like one GitHub verified, and is a ledger entry. Only the code's SHA-256 is kept. Wrong
 * codes are counted across new codes, so asking for another never resets them; past the limit the claim is locked.
 * The mail is sent after the transaction, never inside it.
 */
@ApplicationScoped
public class AddressClaims {

    private static final Logger LOG = Logger.getLogger(AddressClaims.class);
    private static final String CLAIM = "SELECT code_sha256, code_expires_at, failures, locked_until, verified_at"
            + " FROM address_claim WHERE github_id = ? AND email = ? FOR UPDATE";

    /** One row of {@code address_claim}, as read under its lock. */
    private record Row(String codeSha256, Instant expiresAt, int failures, Instant lockedUntil, Instant verifiedAt) {
    }

    /** A claim of the person's, for their page. */
    public record Claim(String email, Instant verifiedAt, Instant lockedUntil) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Ledger ledger;
    private final Clock clock;
    private final AgroalDataSource dataSource;
    private final Mailer mailer;
    private final ClaimsConfig config;
    private final CovenantConfig covenant;

    AddressClaims(Ledger ledger, Clock clock, AgroalDataSource dataSource, Mailer mailer, ClaimsConfig config,
            CovenantConfig covenant) {
        this.ledger = ledger;
        this.clock = clock;
        this.dataSource = dataSource;
        this.mailer = mailer;
        this.config = config;
        this.covenant = covenant;
    }

    /** The person's claims, verified or pending, by address. */
    public List<Claim> of(Person person) {
        return on(c -> Rows.list(c, "SELECT email, verified_at, locked_until FROM address_claim WHERE github_id = ?"
                + " ORDER BY email",
                rs -> new Claim(rs.getString(1), Rows.instant(rs, "verified_at"),
                        Rows.instant(rs, "locked_until")),
                person.githubId));
    }

    /** Mails a new code to {@code email} for {@code person}, unless the claim is locked or verified already. */
    public ClaimOutcome request(Person person, String email) {
        String address = address(email);
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant now = Instant.now(clock);
        Instant expires = now.plus(config.codeValidity());
        ClaimOutcome outcome = QuarkusTransaction.requiringNew().call(() -> on(c -> {
            Optional<Row> row = row(c, person.githubId, address);
            if (row.isPresent() && row.get().verifiedAt() != null) {
                return ClaimOutcome.of(ClaimOutcome.Kind.ALREADY_VERIFIED, address, row.get().verifiedAt());
            }
            if (row.isPresent() && locked(row.get(), now)) {
                return ClaimOutcome.of(ClaimOutcome.Kind.LOCKED, address, row.get().lockedUntil());
            }
            Optional<Instant> budgetEnds = codesExhausted(c, person.githubId, now);
            if (budgetEnds.isPresent()) {
                return ClaimOutcome.of(ClaimOutcome.Kind.TOO_MANY_CODES, address, budgetEnds.get());
            }
            Instant hourAgo = now.minus(Duration.ofHours(1));
            Rows.update(c, "INSERT INTO address_claim (github_id, email, code_sha256, code_expires_at, requested_at,"
                    + " codes_in_window, window_started_at) VALUES (?, ?, ?, ?, ?, 1, ?)"
                    + " ON CONFLICT (github_id, email) DO UPDATE SET code_sha256 ="
                    + " excluded.code_sha256, code_expires_at = excluded.code_expires_at, requested_at ="
                    + " excluded.requested_at, failures = CASE WHEN address_claim.locked_until IS NULL"
                    + " THEN address_claim.failures ELSE 0 END, locked_until = NULL,"
                    + " codes_in_window = CASE WHEN address_claim.window_started_at > ?"
                    + " THEN address_claim.codes_in_window + 1 ELSE 1 END,"
                    + " window_started_at = CASE WHEN address_claim.window_started_at > ?"
                    + " THEN address_claim.window_started_at ELSE excluded.window_started_at END", person.githubId,
                    address, sha256(code), expires, now, now, hourAgo, hourAgo);
            return ClaimOutcome.of(ClaimOutcome.Kind.SENT, address, expires);
        }));
        if (outcome.kind() == ClaimOutcome.Kind.SENT) {
            String text = ClaimMails.claimCode(address, person.login, code, config.codeValidity().toMinutes(),
                    covenant.publicUrl() + "/me/addresses").render();
            mailer.send(Mail.withText(address, "Your Covenant code for " + address, text));
            LOG.infof("@%s - a claim code was mailed to %s", person.login, address);
        }
        return outcome;
    }

    /** Checks a code entered by {@code person} for {@code email}; a right one verifies the claim. */
    public ClaimOutcome verify(Person person, String email, String code) {
        String address = address(email);
        if (code == null || !code.strip().matches("[0-9]{6}")) {
            throw InvalidInputException.of("code", "is the 6-digit code from the mail");
        }
        Instant now = Instant.now(clock);
        return QuarkusTransaction.requiringNew().call(() -> on(c -> {
            Row row = row(c, person.githubId, address).orElse(null);
            if (row == null || (row.verifiedAt() == null && row.codeSha256() == null && !locked(row, now))) {
                return ClaimOutcome.of(ClaimOutcome.Kind.NO_CODE, address, null);
            }
            if (row.verifiedAt() != null) {
                return ClaimOutcome.of(ClaimOutcome.Kind.ALREADY_VERIFIED, address, row.verifiedAt());
            }
            if (locked(row, now)) {
                return ClaimOutcome.of(ClaimOutcome.Kind.LOCKED, address, row.lockedUntil());
            }
            if (row.expiresAt().isBefore(now)) {
                return ClaimOutcome.of(ClaimOutcome.Kind.EXPIRED, address, row.expiresAt());
            }
            if (!MessageDigest.isEqual(row.codeSha256().getBytes(StandardCharsets.US_ASCII),
                    sha256(code.strip()).getBytes(StandardCharsets.US_ASCII))) {
                return wrong(c, person, address, row, now);
            }
            ObjectNode event = JsonNodeFactory.instance.objectNode();
            event.put("githubId", person.githubId);
            event.put("login", person.login);
            event.put("email", address);
            event.put("proof", "a one-time code mailed to the address");
            event.put("verifiedAt", now.toString());
            var entry = ledger.append("address.claimed", event);
            Rows.update(c, "UPDATE address_claim SET verified_at = ?, ledger_seq = ?, code_sha256 = NULL,"
                    + " code_expires_at = NULL WHERE github_id = ? AND email = ?", now, entry.seq, person.githubId,
                    address);
            return new ClaimOutcome(ClaimOutcome.Kind.VERIFIED, address, now, 0,
                    new LinkView.Ledger(entry.seq, entry.hash));
        }));
    }

    private ClaimOutcome wrong(Connection c, Person person, String address, Row row, Instant now)
            throws SQLException {
        int failures = row.failures() + 1;
        if (failures >= config.maxWrongCodes()) {
            Instant until = now.plus(config.lockout());
            Rows.update(c, "UPDATE address_claim SET failures = ?, locked_until = ?, code_sha256 = NULL,"
                    + " code_expires_at = NULL WHERE github_id = ? AND email = ?", failures, until, person.githubId,
                    address);
            LOG.warnf("@%s - the claim of %s is locked until %s after %d wrong codes", person.login, address, until,
                    failures);
            return ClaimOutcome.of(ClaimOutcome.Kind.LOCKED, address, until);
        }
        Rows.update(c, "UPDATE address_claim SET failures = ? WHERE github_id = ? AND email = ?", failures,
                person.githubId, address);
        return new ClaimOutcome(ClaimOutcome.Kind.WRONG, address, null, config.maxWrongCodes() - failures, null);
    }

    /**
     * When the person may have another code mailed, if they used up their codes of the hour; their row in
     * {@code person} is locked first, so that requests for several addresses at once are counted one after another.
     */
    private Optional<Instant> codesExhausted(Connection c, long githubId, Instant now) throws SQLException {
        Rows.query(c, "SELECT 1 FROM person WHERE github_id = ? FOR UPDATE", rs -> {
        }, githubId);
        Instant hourAgo = now.minus(Duration.ofHours(1));
        long[] sent = new long[1];
        Instant[] first = new Instant[1];
        Rows.query(c, "SELECT coalesce(sum(codes_in_window), 0), min(window_started_at) FROM address_claim"
                + " WHERE github_id = ? AND window_started_at > ?", rs -> {
                    sent[0] = rs.getLong(1);
                    first[0] = Rows.instant(rs, "min");
                }, githubId, hourAgo);
        return sent[0] >= config.maxCodesPerHour()
                ? Optional.of(first[0].plus(Duration.ofHours(1)))
                : Optional.empty();
    }

    private static boolean locked(Row row, Instant now) {
        return row.lockedUntil() != null && row.lockedUntil().isAfter(now);
    }

    private static Optional<Row> row(Connection c, long githubId, String address) throws SQLException {
        return Rows.first(c, CLAIM, rs -> new Row(rs.getString(1), Rows.instant(rs, "code_expires_at"), rs.getInt(3),
                Rows.instant(rs, "locked_until"), Rows.instant(rs, "verified_at")), githubId, address);
    }

    private static String address(String email) {
        List<FieldError> errors = new ArrayList<>();
        String address = LinkInput.address("email", email, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return address;
    }

    private static String sha256(String code) {
        return Sha256.hex(code);
    }

    private <T> T on(Rows.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("address claims could not be read or written: " + e.getMessage(), e);
        }
    }
}
