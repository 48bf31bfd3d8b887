package dev.covenant.signing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;

import dev.covenant.api.ConflictException;
import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.identity.LinkedAddresses;
import dev.covenant.identity.Person;
import dev.covenant.jdbc.AdvisoryLocks;
import dev.covenant.jdbc.Rows;
import dev.covenant.ledger.Ledger;

/**
 * A repository's maintainers link commit addresses that can never sign in (a Subversion-era {@code user@uuid}, a dead
 * employer's) to a person; each link and each removal is a ledger entry in the same commit. The relicensing report
 * then credits the address's commits to that person ({@code identity.IdentityResolution}).
 */
@ApplicationScoped
public class AddressLinks {

    private final Ledger ledger;
    private final Clock clock;
    private final AgroalDataSource dataSource;

    AddressLinks(Ledger ledger, Clock clock, AgroalDataSource dataSource) {
        this.ledger = ledger;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    /** The links in force in a repository. */
    @Transactional
    public List<LinkView> of(String repository) {
        return on(repository, c -> LinkedAddresses.all(c, repository)).stream().map(LinkView::of).toList();
    }

    /** Links an address; {@code by} is who, as the ledger names them. 409 when the address is linked already. */
    @Transactional
    public LinkView link(String repository, LinkInput.Valid input, String by) {
        Long githubId = input.githubId() != null
                ? input.githubId()
                : input.login() == null
                        ? null
                        : Person.findByLogin(input.login()).map(p -> p.githubId)
                                .orElseThrow(() -> new InvalidInputException(
                                        List.of(new FieldError("login",
                                                "names nobody who signed in here: give their githubId"))));
        Instant now = Instant.now(clock);
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("repository", repository);
        event.put("email", input.email());
        if (githubId != null) {
            event.put("githubId", githubId);
        } else {
            event.put("name", input.name());
            event.put("contactEmail", input.contactEmail());
        }
        event.put("reason", input.reason());
        event.put("by", by);
        event.put("at", now.toString());
        return on(repository, c -> {
            // The unique index refuses a second link in force; the lock makes the answer a 409, not a 500.
            AdvisoryLocks.holdUntilTransactionEnds(c, "address_link " + repository + " " + input.email());
            if (Rows.first(c, "SELECT 1 FROM address_link WHERE repository = ? AND email = ? AND removed_at IS NULL",
                    rs -> true, repository, input.email()).isPresent()) {
                throw new ConflictException(input.email() + " is already linked in " + repository
                        + ": remove that link first");
            }
            long seq = ledger.append("address.linked", event).seq;
            long id = Rows.first(c, "INSERT INTO address_link (repository, email, github_id, person_name,"
                    + " contact_email, reason, linked_by, linked_at, ledger_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " RETURNING id", rs -> rs.getLong(1), repository, input.email(), githubId,
                    githubId == null ? input.name() : null, githubId == null ? input.contactEmail() : null,
                    input.reason(), by, now, seq).orElseThrow();
            return LinkView.of(LinkedAddresses.all(c, repository).stream().filter(l -> l.id() == id).findFirst()
                    .orElseThrow());
        });
    }

    /** Ends the link in force of an address; 404 when there is none. */
    @Transactional
    public void unlink(String repository, String email, String by) {
        String address = LinkInput.address("email", email, new ArrayList<>());
        Instant now = Instant.now(clock);
        on(repository, c -> {
            Long id = address == null
                    ? null
                    : Rows.first(c, "SELECT id FROM address_link WHERE repository = ?"
                            + " AND email = ? AND removed_at IS NULL FOR UPDATE", rs -> rs.getLong(1), repository,
                            address)
                            .orElse(null);
            if (id == null) {
                throw new NotFoundProblem("No link of " + email + " in " + repository);
            }
            ObjectNode event = JsonNodeFactory.instance.objectNode();
            event.put("repository", repository);
            event.put("email", address);
            event.put("by", by);
            event.put("at", now.toString());
            long seq = ledger.append("address.unlinked", event).seq;
            Rows.update(c, "UPDATE address_link SET removed_by = ?, removed_at = ?, removed_ledger_seq = ?"
                    + " WHERE id = ?", by, now, seq, id);
            return null;
        });
    }

    private <T> T on(String repository, Rows.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException(repository + " - the address links could not be read or written: "
                    + e.getMessage(), e);
        }
    }
}
