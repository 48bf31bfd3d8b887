package dev.covenant.signing;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.covenant.identity.LinkedAddresses;
import dev.covenant.identity.Person;
import dev.covenant.ledger.LedgerEntry;

/**
 * A link in force as the API and the relicensing page show it: the address, the person (an account, or a name with a
 * contact address), why, who linked it and when, and the ledger entry that records it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinkView(String email, Long githubId, String login, String name, String contactEmail, String reason,
        String linkedBy, Instant linkedAt, Ledger ledger) {

    /** The address as a query parameter's value, for the link to the removal's confirmation. */
    public String emailInQuery() {
        return java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The ledger entry of the link: its sequence number and hash. */
    public record Ledger(long seq, String hash) {
    }

    /** Needs a transaction: reads the person's login and the ledger entry. */
    static LinkView of(LinkedAddresses.Current current) {
        var link = current.link();
        String login = link.githubId() == null
                ? null
                : Person.findByGithubId(link.githubId()).map(p -> p.login).orElse(null);
        LedgerEntry entry = LedgerEntry.findById(current.ledgerSeq());
        return new LinkView(link.email(), link.githubId(), login, link.name(), link.contactEmail(), current.reason(),
                current.linkedBy(), current.linkedAt(), new Ledger(entry.seq, entry.hash));
    }

    /** Who the address is linked to, in a few words: {@code @login}, {@code #id} or {@code Name <contact>}. */
    public String person() {
        if (githubId == null) {
            return name + " <" + contactEmail + ">";
        }
        return login != null ? "@" + login : "GitHub user #" + githubId;
    }
}
