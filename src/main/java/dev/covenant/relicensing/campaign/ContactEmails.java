package dev.covenant.relicensing.campaign;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.covenant.identity.NoReplyEmail;
import dev.covenant.identity.PersonEmail;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;

/**
 * Where to reach a contributor: the primary address GitHub verified for them when they signed in, else the contact
 * address a maintainer gave when linking one of their addresses to them, else a commit address of theirs that is not
 * a GitHub no-reply address (which reaches nobody); none otherwise.
 */
final class ContactEmails {

    private ContactEmails() {
    }

    /** {@code linkedContacts}: the contact address of each commit address linked to a person without an account. */
    static Map<String, String> of(List<ContributorReport> contributors, Map<String, String> linkedContacts) {
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
                contact.put(ConsentAnswer.keyOf(c), email);
            }
        }
        return contact;
    }
}
