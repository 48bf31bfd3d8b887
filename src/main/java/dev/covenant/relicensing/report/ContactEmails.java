package dev.covenant.relicensing.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.covenant.identity.NoReplyEmail;
import dev.covenant.identity.PersonEmail;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;

/**
 * Where to reach a contributor: the primary address GitHub verified for them when they signed in, else a commit
 * address of theirs that is not a GitHub no-reply address (which reaches nobody); none otherwise.
 */
public final class ContactEmails {

    private ContactEmails() {
    }

    /** By {@link #key}: where to reach each of {@code contributors}, for those who can be reached. */
    public static Map<String, String> of(List<ContributorReport> contributors) {
        List<Long> ids = contributors.stream().map(ContributorReport::githubId).filter(java.util.Objects::nonNull)
                .toList();
        Map<Long, String> primary = PersonEmail.primaryOf(ids);
        Map<String, String> contact = new HashMap<>();
        for (ContributorReport c : contributors) {
            String email = c.githubId() == null ? null : primary.get(c.githubId());
            if (email == null) {
                email = c.emails().stream().filter(e -> NoReplyEmail.parse(e).isEmpty()).findFirst().orElse(null);
            }
            if (email != null) {
                contact.put(key(c), email);
            }
        }
        return contact;
    }

    /** A contributor's key: their account when known, else their first commit address (as campaigns key answers). */
    public static String key(ContributorReport c) {
        return c.githubId() != null ? "github:" + c.githubId() : "email:" + c.emails().get(0);
    }
}
