package dev.covenant.relicensing.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

import dev.covenant.identity.LinkedAddresses;
import dev.covenant.identity.NoReplyEmail;
import dev.covenant.identity.PersonEmail;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;

/**
 * Where to reach a contributor: the primary address GitHub verified for them when they signed in, else the contact
 * address a maintainer gave when linking one of their addresses to them, else a commit address of theirs that is not
 * a GitHub no-reply address (which reaches nobody); none otherwise.
 */
public final class ContactEmails {

    private ContactEmails() {
    }

    /**
     * By {@link #key}: where to reach each of {@code contributors}, for those who can be reached;
     * {@code linkedContacts} is the contact address of each commit address linked to a person without an account
     * ({@link #linkedContacts}).
     */
    public static Map<String, String> of(List<ContributorReport> contributors, Map<String, String> linkedContacts) {
        List<Long> ids = contributors.stream().map(ContributorReport::githubId).filter(Objects::nonNull)
                .toList();
        Map<Long, String> primary = PersonEmail.primaryOf(ids);
        Map<String, String> contact = new HashMap<>();
        for (ContributorReport c : contributors) {
            String email = c.githubId() == null ? null : primary.get(c.githubId());
            if (email == null) {
                email = c.emails().stream().map(linkedContacts::get).filter(Objects::nonNull).findFirst()
                        .orElse(null);
            }
            if (email == null) {
                email = c.emails().stream().filter(e -> NoReplyEmail.parse(e).isEmpty()).findFirst().orElse(null);
            }
            if (email != null) {
                contact.put(key(c), email);
            }
        }
        return contact;
    }

    /** The contact address of each address linked to a person without a GitHub account, in the repository. */
    public static Map<String, String> linkedContacts(DataSource dataSource, String repository) {
        Map<String, String> contacts = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            LinkedAddresses.all(c, repository).stream().filter(l -> l.link().contactEmail() != null)
                    .forEach(l -> contacts.put(l.link().email(), l.link().contactEmail()));
        } catch (SQLException e) {
            throw new IllegalStateException(repository + " - the address links could not be read: " + e.getMessage(),
                    e);
        }
        return contacts;
    }

    /** A contributor's key: their account when known, else their first commit address (as campaigns key answers). */
    public static String key(ContributorReport c) {
        return c.githubId() != null ? "github:" + c.githubId() : "email:" + c.emails().get(0);
    }
}
